/**
 * Which conversation each connected panel shows. A reply started in one panel is relayed live to
 * every other panel showing the same conversation (side panels in two windows), so none of them
 * mistakes the stored checkpoint of a running reply for an interrupted one.
 */
import type { Post } from '../protocol';

export interface Viewers {
  /** `post`'s panel now shows `conversationId` (null: an empty new chat). */
  show(post: Post, conversationId: string | null): void;
  forget(post: Post): void;
  of(conversationId: string): Post[];
}

export function createViewers(): Viewers {
  const showing = new Map<Post, string | null>();
  return {
    show: (post, id) => void showing.set(post, id),
    forget: (post) => void showing.delete(post),
    of: (id) => [...showing].filter(([, shown]) => shown === id).map(([post]) => post),
  };
}
