/**
 * What a user can put next to a question: a selection, the page beside the panel, a PDF, an
 * image or a screenshot. One model for all of them (issue 13): the composer shows them as chips,
 * the user message keeps them (an additional field the seed app ignores), and
 * lib/attachments/wire.ts alone turns them into what Ollama is sent.
 */

/** Text the model reads: a page selection, a page's main content, a PDF's text. */
export type TextAttachmentKind = 'selection' | 'page' | 'pdf';

export interface TextAttachment {
  kind: TextAttachmentKind;
  /** Shown on the chip and said to the model: the page title or file name. */
  title: string;
  /** Where it came from; absent for a dropped file. */
  url?: string;
  /** Exactly what the model is sent, after any cut. */
  text: string;
  /** Set when the text was cut: what was kept, in the user's words (never cut silently). */
  note?: string;
}

/** A picture for a vision model: attached, pasted, dropped, a screenshot or a page image. */
export interface ImageAttachment {
  kind: 'image';
  title: string;
  url?: string;
  mime: string;
  width: number;
  height: number;
  /** E.g. that it was downscaled, and from what. */
  note?: string;
  /**
   * The bytes, base64 as Ollama's `images` takes them. Present while the image travels (a new
   * message, an export); a stored message may hold `ref` instead, naming where the bytes are kept.
   */
  data?: string;
  ref?: string;
}

export type Attachment = TextAttachment | ImageAttachment;

export const TEXT_KINDS: readonly TextAttachmentKind[] = ['selection', 'page', 'pdf'];

export const isTextAttachment = (a: Attachment): a is TextAttachment => a.kind !== 'image';
