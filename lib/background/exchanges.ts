/**
 * The replies streaming right now, by request: the bookkeeping around each one (lib/background/
 * reply.ts runs it, lib/background/retry-policy.ts decides its retry). One reply per
 * conversation; the question is saved before anything is asked; a panel can leave (closed) and
 * another can join (reopened) mid-reply; the background is kept alive until the reply is saved.
 */
import type { HistoryMessage } from '../conversations/contract';
import { createRecorder } from '../history/recorder';
import type { HistoryStore } from '../history/store';
import type { BackgroundMessage, Failure, Post } from '../protocol';
import { type EnsureResult, ensureOllamaRunning } from '../recovery/ensure';
import type { OllamaContext } from './context';
import type { KeepAlive } from './keepalive';
import { createReply, type Reply, type Start } from './reply';
import { createViewers } from './viewers';

interface Running {
  conversationId: string;
  /** The messages before the reply (ending with the question), as the request sent them. */
  history: HistoryMessage[];
  /** The question is saved: panels may join. Until then the request may still be refused as stale. */
  joinable: boolean;
  reply: Reply;
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

const resume = (requestId: string, r: Running): BackgroundMessage => ({
  type: 'chat/resume',
  requestId,
  conversationId: r.conversationId,
  history: r.history,
  content: r.reply.text(),
  thinking: r.reply.thinking(),
});

export function createExchanges(deps: ExchangeDeps): Exchanges {
  const running = new Map<string, Running>();
  const viewers = createViewers();
  const ensure = deps.ensure ?? ((ctx: OllamaContext) => ensureOllamaRunning(ctx.api, ctx.settings.baseUrl));
  const sleep = deps.sleep ?? wait;
  // Any entry blocks a second request; only a joinable one is followed (a stale one ends unseen).
  const forConversation = (id: string) => [...running].find(([, r]) => r.conversationId === id);
  const joinable = (id: string) => [...running].find(([, r]) => r.joinable && r.conversationId === id);
  /** Other panels showing this conversation (a refused one included) follow the reply live. */
  const joinViewers = (requestId: string, entry: Running) => {
    for (const post of viewers.of(entry.conversationId)) {
      if (entry.watchers.has(post)) continue;
      entry.watchers.add(post);
      post(resume(requestId, entry));
    }
  };

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
    const recorder = createRecorder({ store: deps.store, conversation: msg.conversation, model: msg.model, history: msg.history, onProblem: deps.broadcastProblem });
    const toAll: Post = (m) => {
      for (const post of watchers) post(m);
    };
    const reply = createReply({ msg, ctx, recorder, toAll, ensure, sleep, onConnectionFailure });
    const entry: Running = { conversationId, history: msg.history, joinable: false, reply, watchers };
    running.set(requestId, entry);
    // The question is saved before anything is asked (a crash from here on loses no user text),
    // and only onto the copy the panel read: an older copy never replaces a newer reply.
    if ((await recorder.begin(msg.base)) === 'conflict') {
      running.delete(requestId);
      watcher({ type: 'chat/failed', requestId, failure: STALE });
      return;
    }
    entry.joinable = true;
    joinViewers(requestId, entry);
    try {
      await reply.run();
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
    stop: (requestId) => running.get(requestId)?.reply.stop(),
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
