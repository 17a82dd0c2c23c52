/**
 * The one place attachments become what Ollama is sent. Text goes before the question, each piece
 * fenced with its source so the model can tell the page from the question and cite it; images go
 * in the message's `images`, as /api/chat takes them (docs/spec/ollama-wire.md).
 */
import { quoteSelection } from '../selection/prompt';
import { type Attachment, isTextAttachment, type TextAttachment } from './types';

const LABELS = { page: 'Web page', pdf: 'PDF' } as const;

function block(a: TextAttachment): string {
  if (a.kind === 'selection') {
    return quoteSelection({ text: a.text, pageTitle: a.title, pageUrl: a.url ?? '', originalLength: a.text.length, truncated: false });
  }
  const source = `${LABELS[a.kind]}: "${a.title}"${a.url ? ` (${a.url})` : ''}`;
  return `<<< ${source}\n${a.text}\n>>> End of ${LABELS[a.kind].toLowerCase()}`;
}

/** A user message's content as the model reads it: its attachments' text, then what the user typed. */
export function wireContent(content: string, attachments: readonly Attachment[] | undefined): string {
  const texts = (attachments ?? []).filter(isTextAttachment).map(block);
  return texts.length ? [...texts, content].filter(Boolean).join('\n\n') : content;
}

/** The images that go with a message, base64; those whose bytes are not at hand are left to the caller. */
export function wireImages(attachments: readonly Attachment[] | undefined): string[] {
  return (attachments ?? []).flatMap((a) => (a.kind === 'image' && a.data ? [a.data] : []));
}
