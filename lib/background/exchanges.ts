/**
 * Starts the replies, with the bookkeeping around each: reply.ts runs one, retry-policy.ts
 * decides its retry, running.ts knows which run and which panels follow them. One reply per
 * conversation; the question is saved before anything is asked; a panel can leave (closed) and
 * another can join (reopened) mid-reply; the background is kept alive until the reply is saved.
 */
import { t } from '../i18n';
import type { HistoryMessage } from '../conversations/contract';
import { createRecorder } from '../history/recorder';
import type { HistoryStore } from '../history/store';
import type { Failure, Post } from '../protocol';
import { type EnsureResult, ensureOllamaRunning } from '../recovery/ensure';
import type { OllamaContext } from './context';
import { type ContextLimits, createContextLimits } from './context-limits';
import type { ImageStore } from './image-store';
import type { KeepAlive } from './keepalive';
import { createReply, type Start } from './reply';
import { createRunningReplies } from './running';

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
  /** Fills in the bytes of images an earlier turn stored (lib/background/image-store.ts). */
  images?: ImageStore;
  /** The models' maximum context lengths; one cache for the background's life by default. */
  limits?: ContextLimits;
}

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

const busy = (): Failure => ({ kind: 'conflict', message: t('exchanges_busy') });
const stale = (): Failure => ({ kind: 'conflict', message: t('exchanges_stale') });

export function createExchanges(deps: ExchangeDeps): Exchanges {
  const replies = createRunningReplies();
  const ensure = deps.ensure ?? ((ctx: OllamaContext) => ensureOllamaRunning(ctx.api, ctx.settings.baseUrl));
  const sleep = deps.sleep ?? wait;
  const limits = deps.limits ?? createContextLimits();

  const run = async (msg: Start, ctx: OllamaContext, watcher: Post, onConnectionFailure: () => void) => {
    const { requestId } = msg;
    const conversationId = msg.conversation.id;
    replies.shows(watcher, conversationId);
    // One reply per conversation at a time: two would race to write the same stored copy.
    if (replies.busy(conversationId)) {
      watcher({ type: 'chat/failed', requestId, failure: busy() });
      return replies.attach(watcher, conversationId);
    }
    const watchers = new Set([watcher]);
    const recorder = createRecorder({
      store: deps.store,
      conversation: msg.conversation,
      model: msg.model,
      history: msg.history,
      ...(msg.replyVersions ? { versions: msg.replyVersions } : {}),
      onProblem: deps.broadcastProblem,
    });
    const toAll: Post = (m) => {
      for (const post of watchers) post(m);
    };
    const reply = createReply({ msg, ctx, recorder, toAll, ensure, sleep, onConnectionFailure, maxContext: limits.of });
    replies.add(requestId, { conversationId, history: msg.history, joinable: false, reply, watchers });
    // The question is saved before anything is asked (a crash from here on loses no user text),
    // and only onto the copy the panel read: an older copy never replaces a newer reply.
    if ((await recorder.begin(msg.base)) === 'conflict') {
      replies.remove(requestId);
      watcher({ type: 'chat/failed', requestId, failure: stale() });
      return;
    }
    replies.open(requestId);
    try {
      await reply.run();
    } finally {
      replies.remove(requestId);
    }
  };

  return {
    async start(msg, ctx, watcher, onConnectionFailure) {
      // Held until the reply is saved: a model load or a pause sends no events for minutes.
      const release = deps.keepAlive?.hold(`reply ${msg.requestId}`) ?? (() => {});
      try {
        // Before run(): its busy check and bookkeeping must stay in one synchronous step.
        const ready = deps.images ? { ...msg, history: await deps.images.fill(msg.history) } : msg;
        await run(ready, ctx, watcher, onConnectionFailure);
      } finally {
        release();
      }
    },
    stop: (requestId) => replies.get(requestId)?.reply.stop(),
    attach: (conversationId, watcher) => replies.attach(watcher, conversationId),
    detach: (watcher) => replies.forget(watcher),
    isRunning: (requestId) => replies.get(requestId) !== undefined,
    answering: (id) => replies.answering(id),
  };
}
