/**
 * Selections handed over from the context menu. "Ask" items wait above the message box as
 * quoted context for the user's question; "send" items (quick actions) each start a new chat,
 * one after another as replies end: driven by the chat going idle, never by a timer.
 */
import { type ReadonlySignal, signal } from '@preact/signals';
import type { Handoff } from '../../lib/selection/handoff';
import { quoteSelection, type Selection, truncationNote } from '../../lib/selection/prompt';
import type { BannerModel } from './banner';
import type { ChatModel } from './chat';

export interface Inbox {
  readonly contexts: ReadonlySignal<readonly Selection[]>;
  /** Bumped when the message box should take focus. */
  readonly focusRequests: ReadonlySignal<number>;
  accept(items: readonly Handoff[]): void;
  /** Sends queued quick actions while the chat is idle. */
  pump(): void;
  removeContext(index: number): void;
  /** Sends the draft with the quoted contexts; they are cleared only when it was sent. */
  sendWithContext(): boolean;
  requestFocus(): void;
}

export function createInbox(chat: ChatModel, banner: BannerModel): Inbox {
  const contexts = signal<Selection[]>([]);
  const focusRequests = signal(0);
  const pending: Extract<Handoff, { kind: 'send' }>[] = [];

  const inbox: Inbox = {
    contexts,
    focusRequests,
    accept(items) {
      for (const item of items) {
        if (item.kind === 'ask') {
          contexts.value = [...contexts.peek(), item.selection];
          focusRequests.value++;
        } else pending.push(item);
      }
      inbox.pump();
    },
    pump() {
      const next = pending[0];
      if (!next || chat.streaming.peek()) return;
      pending.shift();
      chat.newChat();
      if (!chat.ask(next.prompt)) {
        // No model or Ollama down: keep the prompt as the draft rather than lose it.
        chat.setDraft(next.prompt);
        return;
      }
      const note = truncationNote(next.selection);
      if (note) banner.info(note, 'chat');
    },
    removeContext(index) {
      contexts.value = contexts.peek().filter((_, i) => i !== index);
    },
    sendWithContext() {
      const list = contexts.peek();
      const sent = chat.send(list.length ? list.map(quoteSelection).join('\n\n') : undefined);
      if (sent) contexts.value = [];
      return sent;
    },
    requestFocus() {
      focusRequests.value++;
    },
  };
  return inbox;
}
