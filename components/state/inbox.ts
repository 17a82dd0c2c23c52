/**
 * Selections handed over from the context menu. "Ask" items wait above the message box as
 * quoted context for the user's question; "send" items (quick actions) each start a new chat,
 * one after another. What moves them is state, never time: an action goes out once the panel
 * knows its model (the first status answer), and the next one when the chat is idle again.
 */
import { effect, type ReadonlySignal, signal } from '@preact/signals';
import type { Handoff, PageHandoff } from '../../lib/selection/handoff';
import type { TextAttachment } from '../../lib/attachments/types';
import { type Selection, truncationNote } from '../../lib/selection/prompt';
import type { AttachmentsModel } from './attachments';
import type { BannerModel } from './banner';
import type { ChatModel } from './chat';
import type { Readiness } from './readiness';

type QuickSend = Extract<Handoff, { kind: 'send' }>;

export interface Inbox {
  /** Bumped when the message box should take focus. */
  readonly focusRequests: ReadonlySignal<number>;
  accept(items: readonly Handoff[]): void;
  /** Sends the draft with the attachments; they are cleared only when it was sent. */
  sendWithContext(): boolean;
  requestFocus(): void;
  dispose(): void;
}

/** A selection as the same kind of chip as a page or an image. */
export function selectionAttachment(s: Selection): TextAttachment {
  const note = truncationNote(s);
  return { kind: 'selection', title: s.pageTitle, ...(s.pageUrl ? { url: s.pageUrl } : {}), text: s.text, ...(note ? { note } : {}) };
}

export function createInbox(chat: ChatModel, banner: BannerModel, readiness: ReadonlySignal<Readiness>, attachments: AttachmentsModel): Inbox {
  const focusRequests = signal(0);
  const pending = signal<readonly QuickSend[]>([]);

  // Prompts that cannot go out now join the draft, after anything typed there.
  const toDraft = (prompts: readonly string[]) => chat.setDraft([chat.draft.peek().trim(), ...prompts].filter(Boolean).join('\n\n'));

  const pump = () => {
    const queued = pending.peek();
    const next = queued[0];
    const ready = readiness.peek();
    if (!next || chat.streaming.peek() || ready.kind === 'unknown') return;
    if (ready.kind === 'unavailable') {
      // Ollama down or no model: the prompts go to the draft with the reason; nothing is lost,
      // and nothing is sent later behind the user's back.
      pending.value = [];
      toDraft(queued.map((q) => q.prompt));
      banner.error(ready.message, 'chat');
      return;
    }
    pending.value = queued.slice(1);
    chat.newChat();
    if (!chat.ask(next.prompt)) {
      toDraft([next.prompt]);
      return;
    }
    const note = truncationNote(next.selection);
    if (note) banner.info(note, 'chat');
  };
  // Re-runs when an action arrives, the readiness changes or a reply ends. The pump itself runs
  // just after (a microtask, not a delay): it starts a chat, which must not happen inside an effect.
  const stop = effect(() => {
    if (pending.value.length && !chat.streaming.value && readiness.value.kind !== 'unknown') queueMicrotask(pump);
  });

  // "Ask Ollama about this page": the page as a chip, or the reason it could not be read.
  const acceptPage = (item: PageHandoff) => {
    if (item.attachment) {
      attachments.add(item.attachment);
      focusRequests.value++;
    } else if (item.refusal) banner.info(item.refusal, 'chat');
  };

  return {
    focusRequests,
    accept(items) {
      const actions: QuickSend[] = [];
      for (const item of items) {
        if (item.kind === 'ask') {
          attachments.add(selectionAttachment(item.selection));
          focusRequests.value++;
        } else if (item.kind === 'image') {
          if ('image' in item) attachments.add(item.image);
          else banner.error(item.problem, 'chat');
          focusRequests.value++;
        } else if (item.kind === 'page') acceptPage(item);
        else actions.push(item);
      }
      if (actions.length) pending.value = [...pending.peek(), ...actions];
    },
    sendWithContext() {
      const sent = chat.send(attachments.chips.peek().map((c) => c.attachment));
      if (sent) attachments.take();
      return sent;
    },
    requestFocus() {
      focusRequests.value++;
    },
    dispose: stop,
  };
}
