/**
 * What waits above the message box to go with the next question: selections, the page, a PDF,
 * images. Every kind is the same chip (lib/attachments/types.ts). Sending takes them all; a
 * refused request gives them back, so nothing the user attached is lost.
 */
import { computed, type ReadonlySignal, signal } from '@preact/signals';
import { type ContextBudget, fitText } from '../../lib/attachments/budget';
import { estimateTokens } from '../../lib/attachments/tokens';
import { type Attachment, isTextAttachment } from '../../lib/attachments/types';

/** One chip: an attachment plus a key for the view, stable while the chip exists. */
export interface AttachmentChip {
  readonly key: string;
  readonly attachment: Attachment;
}

export interface AttachmentsModel {
  readonly chips: ReadonlySignal<readonly AttachmentChip[]>;
  /** The context length the chips are fitted to (null: not fitted). */
  readonly context: ReadonlySignal<number | null>;
  add(a: Attachment): string;
  /** Puts `a` in place of chip `key` (a page chip following its tab); adds it when that chip is gone. */
  replace(key: string, a: Attachment): string;
  remove(key: string): void;
  /** Everything attached, emptied: the caller sends it. */
  take(): Attachment[];
  /** A request was refused: the attachments return, before any added since. */
  restore(list: readonly Attachment[]): void;
}

let seq = 0;
const chip = (attachment: Attachment): AttachmentChip => ({ key: `att-${(seq++).toString(36)}`, attachment });

/**
 * Text chips cut to what the budget leaves them, in order (the first attached keeps the most);
 * from the full text each time, so a larger Context length or another model gives it back.
 */
function fitted(list: readonly AttachmentChip[], budget: ContextBudget | null): readonly AttachmentChip[] {
  if (!budget) return list;
  let room = budget.forAttachments;
  return list.map((c) => {
    if (!isTextAttachment(c.attachment)) return c;
    const a = fitText(c.attachment, room, budget);
    room = Math.max(0, room - estimateTokens(a.text));
    return a === c.attachment ? c : { key: c.key, attachment: a };
  });
}

/** `budget`: the context budget to fit text to (components/state/context-budget.ts); absent: no fitting. */
export function createAttachments(budget?: ReadonlySignal<ContextBudget>): AttachmentsModel {
  // What was attached, whole; `chips` is it fitted to the budget.
  const whole = signal<readonly AttachmentChip[]>([]);
  const chips = computed(() => fitted(whole.value, budget?.value ?? null));
  // What was sent, to what was attached: a refused request gives back the whole text, not the cut.
  const wholeOf = new WeakMap<Attachment, Attachment>();
  return {
    chips,
    context: computed(() => budget?.value.context ?? null),
    add(a) {
      const c = chip(a);
      whole.value = [...whole.peek(), c];
      return c.key;
    },
    replace(key, a) {
      const list = whole.peek();
      const at = list.findIndex((c) => c.key === key);
      if (at < 0) return this.add(a);
      const c = { key, attachment: a };
      whole.value = list.map((x, i) => (i === at ? c : x));
      return key;
    },
    remove(key) {
      whole.value = whole.peek().filter((c) => c.key !== key);
    },
    take() {
      const attached = whole.peek();
      const list = chips.peek().map((c, i) => {
        const original = attached[i]?.attachment;
        if (original && original !== c.attachment) wholeOf.set(c.attachment, original);
        return c.attachment;
      });
      if (list.length) whole.value = [];
      return list;
    },
    restore(list) {
      if (list.length) whole.value = [...list.map((a) => chip(wholeOf.get(a) ?? a)), ...whole.peek()];
    },
  };
}
