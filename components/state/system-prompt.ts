/**
 * The open conversation's own system prompt, edited from the chat header. It travels with the
 * next request (chat/start's ConversationRef) and is saved with the conversation; '' means the
 * conversation has none and the default from Settings applies.
 */
import { batch, type ReadonlySignal, signal } from '@preact/signals';
import type { Conversation } from '../../lib/conversations/contract';
import type { PromptPreset } from '../../lib/model-params';
import type { Settings } from '../../lib/settings';
import { readSettings } from '../../lib/storage/items';

export interface SystemPromptModel {
  readonly text: ReadonlySignal<string>;
  /** What storage last said the conversation's prompt is; `text` differs from it while edited. */
  readonly saved: ReadonlySignal<string>;
  readonly open: ReadonlySignal<boolean>;
  /** The presets and the default, read when the editor opens. */
  readonly presets: ReadonlySignal<readonly PromptPreset[]>;
  readonly fallback: ReadonlySignal<string>;
  set(text: string): void;
  usePreset(id: string): void;
  toggle(): void;
  /** The chat now shows this stored conversation (null: a new chat). */
  shown(conversation: Conversation | null): void;
  /** The shown conversation's stored copy changed: taken unless the user has edited since. */
  follow(conversation: Conversation): void;
}

export function createSystemPrompt(read: () => Promise<Settings> = readSettings): SystemPromptModel {
  const text = signal('');
  const open = signal(false);
  const presets = signal<readonly PromptPreset[]>([]);
  const fallback = signal('');
  // What storage last said, so a save landing mid-edit does not overwrite what is being typed.
  const stored = signal('');
  return {
    text,
    saved: stored,
    open,
    presets,
    fallback,
    set: (v) => {
      text.value = v;
    },
    usePreset(id) {
      const preset = presets.peek().find((p) => p.id === id);
      if (preset) text.value = preset.text;
    },
    toggle() {
      open.value = !open.peek();
      if (!open.peek()) return;
      void read().then((s) => {
        presets.value = s.promptPresets;
        fallback.value = s.systemPrompt;
      });
    },
    shown(conversation) {
      batch(() => {
        stored.value = conversation?.system ?? '';
        text.value = stored.peek();
      });
    },
    follow(conversation) {
      const edited = text.peek() !== stored.peek();
      // Both at once: whoever follows the two (drafts.ts) never sees a half-done change.
      batch(() => {
        stored.value = conversation.system ?? '';
        if (!edited) text.value = stored.peek();
      });
    },
  };
}
