/**
 * The replies running now, by request, and the panels following each. A panel follows the reply
 * of the conversation it shows: it joins mid-reply (a chat/resume with everything so far) and
 * leaves when it shows another conversation or closes.
 */
import type { HistoryMessage } from '../conversations/contract';
import type { BackgroundMessage, Post } from '../protocol';
import type { Reply } from './reply';
import { createViewers } from './viewers';

export interface Running {
  conversationId: string;
  /** The messages before the reply (ending with the question), as the request sent them. */
  history: HistoryMessage[];
  /** The question is saved: panels may join. Until then the request may still be refused as stale. */
  joinable: boolean;
  reply: Reply;
  /** The panels following it; the request's own panel first. */
  watchers: Set<Post>;
}

export interface RunningReplies {
  add(requestId: string, entry: Running): void;
  remove(requestId: string): void;
  get(requestId: string): Running | undefined;
  /** A reply runs for this conversation, joinable or not: a second one would race it to write. */
  busy(conversationId: string): boolean;
  /** The question is saved: the panels showing its conversation (a refused one included) follow from now. */
  open(requestId: string): void;
  /** `watcher`'s panel shows this conversation (null: a new chat): it will follow a reply started for it. */
  shows(watcher: Post, conversationId: string | null): void;
  /** As shows(), and it joins the reply running for it now, leaving any other. */
  attach(watcher: Post, conversationId: string | null): void;
  /** The panel is gone. */
  forget(watcher: Post): void;
  /** The messages before the reply running for this conversation, or null when none runs. */
  answering(conversationId: string): HistoryMessage[] | null;
}

const resume = (requestId: string, r: Running): BackgroundMessage => ({
  type: 'chat/resume',
  requestId,
  conversationId: r.conversationId,
  history: r.history,
  content: r.reply.text(),
  thinking: r.reply.thinking(),
});

const join = (requestId: string, r: Running, watcher: Post) => {
  if (r.watchers.has(watcher)) return;
  r.watchers.add(watcher);
  watcher(resume(requestId, r));
};

export function createRunningReplies(): RunningReplies {
  const running = new Map<string, Running>();
  const viewers = createViewers();
  // Only a joinable reply is followed: one refused as stale ends unseen.
  const joinable = (id: string) => [...running].find(([, r]) => r.joinable && r.conversationId === id);
  return {
    add: (requestId, entry) => void running.set(requestId, entry),
    remove: (requestId) => void running.delete(requestId),
    get: (requestId) => running.get(requestId),
    busy: (id) => [...running.values()].some((r) => r.conversationId === id),
    open(requestId) {
      const r = running.get(requestId);
      if (!r) return;
      r.joinable = true;
      for (const post of viewers.of(r.conversationId)) join(requestId, r, post);
    },
    shows: (watcher, conversationId) => viewers.show(watcher, conversationId),
    attach(watcher, conversationId) {
      viewers.show(watcher, conversationId);
      for (const r of running.values()) if (r.conversationId !== conversationId) r.watchers.delete(watcher);
      const hit = conversationId === null ? undefined : joinable(conversationId);
      if (hit) join(hit[0], hit[1], watcher);
    },
    forget(watcher) {
      viewers.forget(watcher);
      for (const r of running.values()) r.watchers.delete(watcher);
    },
    answering: (id) => joinable(id)?.[1].history ?? null,
  };
}
