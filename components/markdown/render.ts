/**
 * One block of model markdown to safe, decorated DOM: parse, sanitize, then add our chrome.
 * Where the sanitizer cannot be trusted (see sanitize/sanitize.ts) the block is shown as plain text.
 */
import { markdownToHtml } from './parse/parse';
import { sanitizeToFragment } from './sanitize/sanitize';
import { decorate } from './decorate/decorate';
import { splitLongTexts } from './text-runs';

export type BlockRenderer = (markdown: string, finished: boolean) => DocumentFragment;

/** Paragraphs of text, as the plain renderer shows them: nothing from the model is markup. */
export function plainText(doc: Document, markdown: string): DocumentFragment {
  const frag = doc.createDocumentFragment();
  for (const para of markdown.split(/\n{2,}/)) {
    if (!para.trim()) continue;
    const p = doc.createElement('p');
    p.textContent = para.replace(/\n+$/, '');
    frag.append(p);
  }
  return frag;
}

export const renderMarkdown: BlockRenderer = (markdown, finished) => {
  const safe = sanitizeToFragment(markdownToHtml(markdown));
  const frag = safe ? decorate(safe, finished) : plainText(document, markdown);
  splitLongTexts(frag);
  return frag;
};
