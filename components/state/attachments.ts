/**
 * What waits above the message box to go with the next question: selections, the page, a PDF,
 * images. Every kind is the same chip (lib/attachments/types.ts). Sending takes them all; a
 * refused request gives them back, so nothing the user attached is lost.
 */
import { type ReadonlySignal, signal } from '@preact/signals';
import type { Attachment } from '../../lib/attachments/types';

/** One chip: an attachment plus a key for the view, stable while the chip exists. */
export interface AttachmentChip {
  readonly key: string;
  readonly attachment: Attachment;
}

export interface AttachmentsModel {
  readonly chips: ReadonlySignal<readonly AttachmentChip[]>;
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

export function createAttachments(): AttachmentsModel {
  const chips = signal<readonly AttachmentChip[]>([]);
  return {
    chips,
    add(a) {
      const c = chip(a);
      chips.value = [...chips.peek(), c];
      return c.key;
    },
    replace(key, a) {
      const list = chips.peek();
      const at = list.findIndex((c) => c.key === key);
      if (at < 0) return this.add(a);
      const c = { key, attachment: a };
      chips.value = list.map((x, i) => (i === at ? c : x));
      return key;
    },
    remove(key) {
      chips.value = chips.peek().filter((c) => c.key !== key);
    },
    take() {
      const list = chips.peek().map((c) => c.attachment);
      if (list.length) chips.value = [];
      return list;
    },
    restore(list) {
      if (list.length) chips.value = [...list.map(chip), ...chips.peek()];
    },
  };
}
