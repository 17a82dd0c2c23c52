/**
 * Keeps what the user typed and has not sent (the message box, the conversation's own system
 * prompt as edited) as a draft per conversation (lib/drafts.ts), so closing the panel loses none
 * of it. Each change is written as it happens; a conversation's draft is taken when the chat
 * shows that conversation (opening the panel, History, New chat), never while the user types.
 * Sending empties the box, which removes the text from the draft; the system prompt leaves the
 * draft once the stored conversation has it.
 */
import { effect } from '@preact/signals';
import { type Draft, type DraftsIO, findDraft, withDrafts } from '../../lib/drafts';
import { draftsIO } from '../../lib/storage/drafts';
import type { ChatModel } from './chat';
import type { SystemPromptModel } from './system-prompt';

export interface DraftsBinding {
  /** The chat, taking each conversation's draft when it shows that conversation. */
  readonly chat: ChatModel;
  /** Settles once the stored drafts have been read (and the shown conversation's taken). */
  readonly loaded: Promise<void>;
  dispose(): void;
}

type Shown = Pick<Draft, 'conversation' | 'text' | 'system'>;

const same = (a: Shown, b: Shown) => a.conversation === b.conversation && a.text === b.text && a.system === b.system;

export function followDrafts(
  chat: ChatModel,
  system: Pick<SystemPromptModel, 'text' | 'saved' | 'set'>,
  io: DraftsIO = draftsIO,
  now: () => number = Date.now,
): DraftsBinding {
  // The drafts as this panel last knew them: its own writes at once, other pages' when they land.
  let list: Draft[] = [];
  let loaded = false;
  let writing = 0;
  let switching = false;
  const onScreen = (): Shown => {
    const text = system.text.peek();
    const edited = text !== system.saved.peek();
    return { conversation: chat.conversationId.peek(), text: chat.draft.peek(), ...(edited ? { system: text } : {}) };
  };
  // What was last written or taken: only a difference from it is a change to write.
  let shown = onScreen();

  const take = () => {
    const d = findDraft(list, chat.conversationId.peek());
    switching = true;
    try {
      chat.setDraft(d?.text ?? '');
      if (d?.system !== undefined && d.system !== system.saved.peek()) system.set(d.system);
    } finally {
      switching = false;
    }
    shown = onScreen();
  };
  const write = (changes: Map<string | null, Draft | null>) => {
    list = withDrafts(list, changes);
    writing++;
    void io.write(changes).then(
      (written) => {
        // Only the last write's answer is newer than what this panel already wrote.
        if (--writing === 0) list = written;
      },
      () => void writing--,
    );
  };

  const stop = effect(() => {
    const current: Shown = {
      conversation: chat.conversationId.value,
      text: chat.draft.value,
      ...(system.text.value !== system.saved.value ? { system: system.text.value } : {}),
    };
    if (switching || !loaded || same(current, shown)) return;
    const changes = new Map<string | null, Draft | null>();
    // The new chat got its id with its first message: its draft moves with it.
    if (current.conversation !== shown.conversation) changes.set(shown.conversation, null);
    changes.set(current.conversation, { ...current, updatedAt: now() });
    shown = current;
    write(changes);
  });

  const unwatch = io.watch((l) => {
    if (writing === 0) list = l;
  });
  const read = io
    .read()
    .catch((): Draft[] => [])
    .then((l) => {
      list = l;
      loaded = true;
      // Typed before the drafts were read: kept, after the stored draft's text.
      const typed = chat.draft.peek() === shown.text ? '' : chat.draft.peek();
      take();
      if (typed && typed !== chat.draft.peek()) chat.setDraft([chat.draft.peek(), typed].filter(Boolean).join('\n\n'));
    });

  const switched = (show: () => void) => {
    switching = true;
    try {
      show();
    } finally {
      switching = false;
    }
    // Before the drafts are read, the box keeps what is in it: the read puts the drafts together.
    if (loaded) take();
  };
  return {
    chat: {
      ...chat,
      newChat: () => switched(() => chat.newChat()),
      open: (conversation) => switched(() => chat.open(conversation)),
    },
    loaded: read,
    dispose() {
      stop();
      unwatch();
    },
  };
}
