/** What the panel picks up from storage when it opens: the user's preferences, and where they left off. */
import type { Signal } from '@preact/signals';
import type { Conversation } from '../../lib/conversations/contract';
import type { SendKey } from '../../lib/settings';
import { currentConversationItem, readSettings, selectedModelItem, watchSettings } from '../../lib/storage/items';
import type { ChatModel } from './chat';
import type { ConnectionModel } from './connection';
import type { HistoryModel } from './history';

/** The remembered model, the default model and the send key, now and after each settings change; returns the unwatch. */
export function followPreferences(connection: Pick<ConnectionModel, 'setPreferences' | 'check'>, sendKey: Signal<SendKey>): () => void {
  const load = async () => {
    const [s, remembered] = await Promise.all([readSettings(), selectedModelItem.getValue()]);
    connection.setPreferences(remembered, s.defaultModel);
    sendKey.value = s.sendKey;
  };
  void load().then(() => connection.check());
  return watchSettings(() => {
    void load();
    connection.check();
  });
}

/** Reopens the conversation shown last, unless the user has started another in the meantime. */
export async function reopenLastConversation(
  history: Pick<HistoryModel, 'whenLoaded' | 'find'>,
  chat: Pick<ChatModel, 'conversationId' | 'messages'>,
  fetch: (id: string) => Promise<Conversation | null>,
  open: (stored: Conversation) => void,
): Promise<void> {
  // The list is read once (it can be megabytes); the pointer is tiny.
  const [, id] = await Promise.all([history.whenLoaded(), currentConversationItem.getValue()]);
  if (!id || !history.find(id)) return;
  const stored = await fetch(id);
  if (stored && chat.conversationId.peek() === null && chat.messages.peek().length === 0) open(stored);
}
