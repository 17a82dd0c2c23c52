/**
 * Ties the conversation's system prompt (system-prompt.ts) to the chat without the chat model
 * knowing of it: requests carry it, and opening or leaving a conversation shows its own.
 */
import type { PanelMessage } from '../../lib/protocol';
import type { ChatModel } from './chat';
import type { SystemPromptModel } from './system-prompt';

/** A chat/start carries the conversation's own prompt, when it has one; other messages pass as they are. */
export function withSystem(msg: PanelMessage, text: string): PanelMessage {
  if (msg.type !== 'chat/start' || !text.trim()) return msg;
  return { ...msg, conversation: { ...msg.conversation, system: text } };
}

/** The chat, with the system prompt following the conversation on screen. */
export function followConversation(chat: ChatModel, system: SystemPromptModel): ChatModel {
  return {
    ...chat,
    newChat() {
      chat.newChat();
      system.shown(null);
    },
    open(conversation) {
      chat.open(conversation);
      system.shown(conversation);
    },
    sync(stored) {
      chat.sync(stored);
      if (stored.id === chat.conversationId.peek()) system.follow(stored);
    },
  };
}
