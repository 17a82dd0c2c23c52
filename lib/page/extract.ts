/**
 * Runs in the tab (injected by entrypoints/page-extract.ts): the page's main content as compact
 * Markdown. Readability works on a clone, so the page the user sees is never touched; when it
 * finds no article (a home page, an app), the page's own text is taken instead, without its
 * navigation, header, footer and sidebars. The result says which of the two it was.
 */
import { Readability } from '@mozilla/readability';
import { toMarkdown } from './markdown';
import { withMemo } from './readability-memo';
import { withShortcuts } from './readability-shortcuts';

/** `pdf`: the tab shows a PDF, which is the Attach PDF tool's (no text is taken here). */
export type ExtractSource = 'readability' | 'fallback' | 'pdf';

export interface PageExtract {
  title: string;
  url: string;
  markdown: string;
  source: ExtractSource;
}

/** Less than this from Readability is a miss (a cookie notice, a caption), not the article. */
const MIN_ARTICLE_CHARS = 200;

function article(doc: Document): { title: string; markdown: string } | null {
  try {
    const clone = doc.cloneNode(true) as Document;
    // The element itself, not HTML text: nothing is parsed again in the page (and no Trusted Types trouble).
    // keepClasses: the classes are dropped with the HTML anyway, so Readability need not walk to
    // strip them; JSON-LD only refines the title and byline, and parsing it costs on big pages.
    const reader = new Readability<Node>(clone, { serializer: (n) => n, keepClasses: true, disableJSONLD: true });
    const parsed = withMemo(withShortcuts(reader)).parse();
    if (parsed?.content?.nodeType !== 1) return null;
    const markdown = toMarkdown(parsed.content as Element);
    return markdown.length >= MIN_ARTICLE_CHARS ? { title: parsed.title?.trim() ?? '', markdown } : null;
  } catch {
    // Readability throws on some odd documents; the page's text is still there.
    return null;
  }
}

export function extractPage(doc: Document): PageExtract {
  const url = doc.URL;
  if (doc.contentType === 'application/pdf') return { title: doc.title.trim(), url, markdown: '', source: 'pdf' };
  const found = article(doc);
  if (found) return { title: found.title || doc.title.trim(), url, markdown: found.markdown, source: 'readability' };
  const markdown = doc.body ? toMarkdown(doc.body, { skipChrome: true }) : '';
  return { title: doc.title.trim(), url, markdown, source: 'fallback' };
}
