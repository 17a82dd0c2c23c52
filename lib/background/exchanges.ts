/**
 * The replies streaming right now, by request. Each one is recorded to history and relayed to
 * every panel watching it; a panel can leave (closed) and another can join (reopened) mid-reply.
 * A request refused because Ollama is down gets one retry after ensureOllamaRunning (layer 1).
 */
import { type Exchange, startExchange } from '../chat/exchange';
import { createRecorder } from '../history/recorder';
import type { HistoryStore } from '../history/store';
import { isConnectionFailure } from '../ollama/errors';
import type { BackgroundMessage, Failure, PanelMessage } from '../protocol';
import { type EnsureResult, ensureOllamaRunning, startFailure } from '../recovery/ensure';
import type { OllamaContext } from './context';

type Post = (msg: BackgroundMessage) => void;
type Start = Extract<PanelMessage, { type: 'chat/start' }>;

interface Running {
  conversationId: string;
  current(): Exchange;
  stop(): void;
  watchers: Set<Post>;
}

export interface Exchanges {
  start(msg: Start, ctx: OllamaContext, watcher: Post, onConnectionFailure: () => void): Promise<void>;
  stop(requestId: string): void;
  /** Joins `watcher` to the reply running for this conversation, if any. */
  attach(conversationId: string, watcher: Post): void;
  detach(watcher: Post): void;
  isRunning(requestId: string): boolean;
}

export interface ExchangeDeps {
  store: HistoryStore;
  broadcastProblem(message: string): void;
  ensure?: (ctx: OllamaContext) => Promise<EnsureResult>;
  sleep?: (ms: number) => Promise<void>;
}

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** The failure after a recovery attempt that did not bring Ollama back. */
function afterFailedRecovery(failure: Failure, r: Extract<EnsureResult, { ok: false }>): Failure {
  return r.kind === 'not-installed'
    ? { ...failure, message: `${failure.message} ${r.message}` }
    : { kind: 'refused', message: startFailure(r.message) };
}

export function createExchanges(deps: ExchangeDeps): Exchanges {
  const running = new Map<string, Running>();
  const ensure = deps.ensure ?? ((ctx: OllamaContext) => ensureOllamaRunning(ctx.api, ctx.settings.baseUrl));
  const sleep = deps.sleep ?? wait;

  return {
    async start(msg, ctx, watcher, onConnectionFailure) {
      const { requestId } = msg;
      const watchers = new Set([watcher]);
      const toAll = (m: BackgroundMessage) => {
        for (const post of watchers) post(m);
      };
      const recorder = createRecorder({ store: deps.store, conversation: msg.conversation, model: msg.model, history: msg.history, onProblem: deps.broadcastProblem });
      // The question is saved before anything is asked: a crash from here on loses no user text.
      await recorder.begin();
      let retried = false;
      let stopped = false;
      let settle: () => void = () => {};
      const settled = new Promise<void>((resolve) => {
        settle = resolve;
      });
      const finish = (outcome: 'done' | 'stopped' | 'interrupted', then: BackgroundMessage) =>
        void recorder.finish(outcome, exchange.text(), exchange.thinking()).then(() => {
          toAll(then);
          settle();
        });

      const failed = async (failure: Failure) => {
        if (failure.kind === 'refused' && !retried && !stopped && ctx.settings.autoStart) {
          retried = true;
          toAll({ type: 'chat/recovering', requestId, message: 'Ollama is not answering: trying to start it…' });
          const r = await ensure(ctx);
          if (r.ok && !stopped) {
            await sleep(ctx.settings.retryDelayMs);
            if (!stopped) {
              exchange = attempt();
              return;
            }
          }
          if (stopped) return finish('stopped', { type: 'chat/stopped', requestId });
          if (!r.ok) failure = afterFailedRecovery(failure, r);
        }
        finish('interrupted', { type: 'chat/failed', requestId, failure });
        if (isConnectionFailure(failure)) onConnectionFailure();
      };

      const attempt = (): Exchange =>
        startExchange({
          api: ctx.api,
          baseUrl: ctx.settings.baseUrl,
          model: msg.model,
          // Ollama gets role and content only; an empty failed reply is not history.
          messages: msg.history.filter((m) => m.content).map(({ role, content }) => ({ role, content })),
          stallTimeoutMs: ctx.settings.stallTimeoutMs,
          firstTokenTimeoutMs: ctx.settings.firstTokenTimeoutMs,
          sink: {
            chunk: (content, thinking) => {
              toAll({ type: 'chat/chunk', requestId, content, thinking });
              recorder.checkpoint(exchange.text, exchange.thinking);
            },
            done: (info) => finish('done', { type: 'chat/done', requestId, info }),
            stopped: () => finish('stopped', { type: 'chat/stopped', requestId }),
            failed: (failure) => void failed(failure),
          },
        });
      let exchange = attempt();
      running.set(requestId, {
        conversationId: msg.conversation.id,
        current: () => exchange,
        stop: () => {
          stopped = true;
          exchange.stop();
        },
        watchers,
      });
      try {
        await settled;
      } finally {
        running.delete(requestId);
      }
    },
    stop: (requestId) => running.get(requestId)?.stop(),
    attach(conversationId, watcher) {
      for (const [requestId, r] of running) {
        if (r.conversationId !== conversationId) continue;
        r.watchers.add(watcher);
        const ex = r.current();
        watcher({ type: 'chat/resume', requestId, conversationId, content: ex.text(), thinking: ex.thinking() });
      }
    },
    detach(watcher) {
      for (const r of running.values()) r.watchers.delete(watcher);
    },
    isRunning: (requestId) => running.has(requestId),
  };
}
