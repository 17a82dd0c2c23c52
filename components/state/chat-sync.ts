/**
 * Keeps the open conversation in step with its stored copy: when the index says the copy moved
 * on (another panel, a finished save), it is fetched again; never while a reply streams into it.
 */
import type { Conversation } from '../../lib/conversations/contract';
import type { ChatModel } from './chat';

export interface ChatSync {
  /** Shows this stored copy in the chat, as the version the chat now holds. */
  open(stored: Conversation): void;
  /** The index changed: fetches the open conversation again when its stored copy moved on. */
  check(): Promise<void>;
  /** The background refused the chat's copy as stale: fetch it again, whatever the index says. */
  refetch(): void;
}

export interface ChatSyncDeps {
  chat: Pick<ChatModel, 'conversationId' | 'streaming' | 'open' | 'sync'>;
  /** The index's entry for a conversation, when listed. */
  find(id: string): { updated_at: string } | undefined;
  fetch(id: string): Promise<Conversation | null>;
}

export function createChatSync({ chat, find, fetch }: ChatSyncDeps): ChatSync {
  let synced = '';
  const check = async () => {
    const id = chat.conversationId.peek();
    const summary = id ? find(id) : undefined;
    if (!id || !summary || summary.updated_at === synced || chat.streaming.peek()) return;
    synced = summary.updated_at;
    const stored = await fetch(id);
    if (stored) chat.sync(stored);
  };
  return {
    open(stored) {
      synced = stored.updated_at;
      chat.open(stored);
    },
    check,
    refetch() {
      synced = '';
      void check();
    },
  };
}
