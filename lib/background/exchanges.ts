/**
 * The replies streaming right now, by request. Each one is recorded to history and relayed to
 * every panel watching it; a panel can leave (closed) and another can join (reopened) mid-reply.
 * A request refused because Ollama is down gets one retry after ensureOllamaRunning (layer 1).
 */
import { type Exchange, startExchange } from '../chat/exchange';
import { statsFrom } from '../chat/stats';
import type { HistoryMessage, ReplyStats } from '../conversations/contract';
import { createRecorder } from '../history/recorder';
import type { HistoryStore } from '../history/store';
import { isConnectionFailure } from '../ollama/errors';
import type { BackgroundMessage, Failure, PanelMessage, Post } from '../protocol';
import { type EnsureResult, ensureOllamaRunning, remoteDown, startFailure } from '../recovery/ensure';
import { isLoopbackUrl } from '../settings';
import type { OllamaContext } from './context';
import type { KeepAlive } from './keepalive';
import { createViewers } from './viewers';

type Start = Extract<PanelMessage, { type: 'chat/start' }>;
type Terminal = Extract<BackgroundMessage, { type: 'chat/done' | 'chat/stopped' | 'chat/failed' }>;

interface Running {
  conversationId: string;
  /** The messages before the reply (ending with the question), as the request sent them. */
  history: HistoryMessage[];
  /** The question is saved: panels may join. Until then the request may still be refused as stale. */
  joinable: boolean;
  current(): Exchange;
  stop(): void;
  watchers: Set<Post>;
}

export interface Exchanges {
  start(msg: Start, ctx: OllamaContext, watcher: Post, onConnectionFailure: () => void): Promise<void>;
  stop(requestId: string): void;
  /** `watcher`'s panel shows this conversation: it joins the reply running for it, now or later. */
  attach(conversationId: string | null, watcher: Post): void;
  detach(watcher: Post): void;
  isRunning(requestId: string): boolean;
  /** The messages before the reply running for this conversation, or null when none runs. */
  answering(conversationId: string): HistoryMessage[] | null;
}

export interface ExchangeDeps {
  store: HistoryStore;
  broadcastProblem(message: string): void;
  ensure?: (ctx: OllamaContext) => Promise<EnsureResult>;
  sleep?: (ms: number) => Promise<void>;
  /** Keeps the background alive from the question's save to the reply's (lib/background/keepalive.ts). */
  keepAlive?: KeepAlive;
}

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

const BUSY: Failure = {
  kind: 'conflict',
  message: 'This conversation is already answering in another panel. Wait for that reply (or stop it), then send again. Your message is back in the box.',
};
const STALE: Failure = {
  kind: 'conflict',
  message: 'This conversation changed in another panel since it was opened here. It has been reloaded; your message is back in the box: send it again.',
};

/** The failure after a recovery attempt that did not bring Ollama back. */
function afterFailedRecovery(failure: Failure, r: Extract<EnsureResult, { ok: false }>): Failure {
  if (r.kind === 'remote') return { kind: 'refused', message: r.message };
  return r.kind === 'not-installed'
    ? { ...failure, message: `${failure.message} ${r.message}` }
    : { kind: 'refused', message: startFailure(r.message) };
}

export function createExchanges(deps: ExchangeDeps): Exchanges {
  const running = new Map<string, Running>();
  const viewers = createViewers();
  const ensure = deps.ensure ?? ((ctx: OllamaContext) => ensureOllamaRunning(ctx.api, ctx.settings.baseUrl));
  const sleep = deps.sleep ?? wait;
  const resume = (requestId: string, r: Running): BackgroundMessage => {
    const ex = r.current();
    return { type: 'chat/resume', requestId, conversationId: r.conversationId, history: r.history, content: ex.text(), thinking: ex.thinking() };
  };
  // Any entry blocks a second request; only a joinable one is followed (a stale one ends unseen).
  const forConversation = (id: string) => [...running].find(([, r]) => r.conversationId === id);
  const joinable = (id: string) => [...running].find(([, r]) => r.joinable && r.conversationId === id);

  const run = async (msg: Start, ctx: OllamaContext, watcher: Post, onConnectionFailure: () => void) => {
    const { requestId } = msg;
    const conversationId = msg.conversation.id;
    viewers.show(watcher, conversationId);
    // One reply per conversation at a time: two would race to write the same stored copy.
    if (forConversation(conversationId)) {
      watcher({ type: 'chat/failed', requestId, failure: BUSY });
      return exchanges.attach(conversationId, watcher);
    }
    const watchers = new Set([watcher]);
    const toAll = (m: BackgroundMessage) => {
      for (const post of watchers) post(m);
    };
    let exchange: Exchange | null = null;
    let stopped = false;
    const entry: Running = {
      conversationId,
      history: msg.history,
      joinable: false,
      current: () => exchange ?? idle,
      stop: () => {
        stopped = true;
        exchange?.stop();
      },
      watchers,
    };
    running.set(requestId, entry);
    const recorder = createRecorder({ store: deps.store, conversation: msg.conversation, model: msg.model, history: msg.history, onProblem: deps.broadcastProblem });
    // The question is saved before anything is asked (a crash from here on loses no user text),
    // and only onto the copy the panel read: an older copy never replaces a newer reply.
    if ((await recorder.begin(msg.base)) === 'conflict') {
      running.delete(requestId);
      watcher({ type: 'chat/failed', requestId, failure: STALE });
      return;
    }
    // Other panels showing this conversation (a refused one included) follow the reply live.
    entry.joinable = true;
    for (const post of viewers.of(conversationId)) {
      if (watchers.has(post)) continue;
      watchers.add(post);
      post(resume(requestId, entry));
    }
    let retried = false;
    let settle: () => void = () => {};
    const settled = new Promise<void>((resolve) => {
      settle = resolve;
    });
    const finish = (outcome: 'done' | 'stopped' | 'interrupted', then: Terminal, stats?: ReplyStats) =>
      void recorder.finish(outcome, exchange?.text() ?? '', exchange?.thinking() ?? '', stats).then((version) => {
        toAll(version ? { ...then, version } : then);
        settle();
      });

    const failed = async (failure: Failure) => {
      // Only an Ollama on this machine can be started: for another server, say so at once.
      if (failure.kind === 'refused' && ctx.settings.autoStart && !isLoopbackUrl(ctx.settings.baseUrl)) {
        failure = { kind: 'refused', message: remoteDown(ctx.settings.baseUrl) };
      } else if (failure.kind === 'refused' && !retried && !stopped && ctx.settings.autoStart) {
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
            if (exchange) recorder.checkpoint(exchange.text, exchange.thinking);
          },
          // Saved with the reply, so its footer is the same when the conversation is reopened.
          done: (info) => {
            const stats = statsFrom(msg.model, info);
            finish('done', { type: 'chat/done', requestId, info, stats }, stats);
          },
          stopped: () => finish('stopped', { type: 'chat/stopped', requestId }),
          failed: (failure) => void failed(failure),
        },
      });
    if (stopped) finish('stopped', { type: 'chat/stopped', requestId });
    else exchange = attempt();
    try {
      await settled;
    } finally {
      running.delete(requestId);
    }
  };

  const exchanges: Exchanges = {
    async start(msg, ctx, watcher, onConnectionFailure) {
      // Held until the reply is saved: a model load or a pause sends no events for minutes.
      const release = deps.keepAlive?.hold(`reply ${msg.requestId}`) ?? (() => {});
      try {
        await run(msg, ctx, watcher, onConnectionFailure);
      } finally {
        release();
      }
    },
    stop: (requestId) => running.get(requestId)?.stop(),
    attach(conversationId, watcher) {
      viewers.show(watcher, conversationId);
      for (const r of running.values()) if (r.conversationId !== conversationId) r.watchers.delete(watcher);
      const hit = conversationId === null ? undefined : joinable(conversationId);
      if (!hit || hit[1].watchers.has(watcher)) return;
      hit[1].watchers.add(watcher);
      watcher(resume(hit[0], hit[1]));
    },
    detach(watcher) {
      viewers.forget(watcher);
      for (const r of running.values()) r.watchers.delete(watcher);
    },
    isRunning: (requestId) => running.has(requestId),
    answering: (id) => joinable(id)?.[1].history ?? null,
  };
  return exchanges;
}

/** Stands in for the exchange while the question is being saved: nothing has arrived yet. */
const idle: Exchange = { text: () => '', thinking: () => '', stop: () => {}, finished: Promise.resolve() };
