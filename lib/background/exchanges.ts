/**
 * The replies streaming right now, by request. Each one is recorded to history and relayed to
 * every panel watching it; a panel can leave (closed) and another can join (reopened) mid-reply.
 */
import { type Exchange, startExchange } from '../chat/exchange';
import { createRecorder } from '../history/recorder';
import type { HistoryStore } from '../history/store';
import { isConnectionFailure } from '../ollama/errors';
import type { BackgroundMessage, PanelMessage } from '../protocol';
import type { OllamaContext } from './context';

type Post = (msg: BackgroundMessage) => void;
type Start = Extract<PanelMessage, { type: 'chat/start' }>;

interface Running {
  conversationId: string;
  exchange: Exchange;
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

export function createExchanges(store: HistoryStore, broadcastProblem: (message: string) => void): Exchanges {
  const running = new Map<string, Running>();
  const toAll = (watchers: Set<Post>, msg: BackgroundMessage) => {
    for (const post of watchers) post(msg);
  };

  return {
    async start(msg, ctx, watcher, onConnectionFailure) {
      const { requestId } = msg;
      const recorder = createRecorder({ store, conversation: msg.conversation, model: msg.model, history: msg.history, onProblem: broadcastProblem });
      // The question is saved before anything is asked: a crash from here on loses no user text.
      await recorder.begin();
      const watchers = new Set([watcher]);
      const exchange = startExchange({
        api: ctx.api,
        baseUrl: ctx.settings.baseUrl,
        model: msg.model,
        // Ollama gets role and content only; an empty failed reply is not history.
        messages: msg.history.filter((m) => m.content).map(({ role, content }) => ({ role, content })),
        stallTimeoutMs: ctx.settings.stallTimeoutMs,
        firstTokenTimeoutMs: ctx.settings.firstTokenTimeoutMs,
        sink: {
          chunk: (content, thinking) => {
            toAll(watchers, { type: 'chat/chunk', requestId, content, thinking });
            recorder.checkpoint(exchange.text, exchange.thinking);
          },
          done: (info) => {
            void recorder.finish('done', exchange.text(), exchange.thinking()).then(() => toAll(watchers, { type: 'chat/done', requestId, info }));
          },
          stopped: () => {
            void recorder.finish('stopped', exchange.text(), exchange.thinking()).then(() => toAll(watchers, { type: 'chat/stopped', requestId }));
          },
          failed: (failure) => {
            void recorder.finish('interrupted', exchange.text(), exchange.thinking()).then(() => toAll(watchers, { type: 'chat/failed', requestId, failure }));
            if (isConnectionFailure(failure)) onConnectionFailure();
          },
        },
      });
      running.set(requestId, { conversationId: msg.conversation.id, exchange, watchers });
      try {
        await exchange.finished;
      } finally {
        running.delete(requestId);
      }
    },
    stop: (requestId) => running.get(requestId)?.exchange.stop(),
    attach(conversationId, watcher) {
      for (const [requestId, r] of running) {
        if (r.conversationId !== conversationId) continue;
        r.watchers.add(watcher);
        watcher({ type: 'chat/resume', requestId, conversationId, content: r.exchange.text(), thinking: r.exchange.thinking() });
      }
    },
    detach(watcher) {
      for (const r of running.values()) r.watchers.delete(watcher);
    },
    isRunning: (requestId) => running.has(requestId),
  };
}
