/**
 * Markdown to an HTML string with marked (GFM). The string is never inserted as is: it only goes
 * to the sanitizer. Raw HTML whose tag we would not keep anyway is shown as text, so a model that
 * writes "the <head> element" or `<script>` without backticks shows those words instead of having
 * them silently dropped. Raw HTML carrying an event-handler attribute is shown as text too: the
 * sanitizer would strip the handler, but Chromium already reports a CSP violation when such an
 * attribute is merely parsed in the panel's context, and it is better seen than silently fixed.
 */
import { Marked, type Tokens } from 'marked';
import { ALLOWED_TAGS } from '../sanitize/policy';

/** For tests: how much text went through the parser. */
export const parseStats = { calls: 0, chars: 0 };

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
const RAW_TAG = /^\s*<\/?([a-zA-Z][a-zA-Z0-9-]*)[\s/>]/;
/** An attribute named on…, however separated from what precedes it. */
const HANDLER = /[\s/"'`]on[a-z]+(?=[\s/>=]|$)/i;
const KEEP_RAW: ReadonlySet<string> = new Set(ALLOWED_TAGS);

function rawHtml(token: Tokens.HTML | Tokens.Tag): string {
  const tag = RAW_TAG.exec(token.text)?.[1]?.toLowerCase();
  if (tag && KEEP_RAW.has(tag) && !HANDLER.test(token.text)) return token.text;
  const text = escapeHtml(token.text);
  return 'block' in token && token.block ? `<p>${text}</p>` : text;
}

const marked = new Marked(
  { gfm: true, breaks: true, async: false },
  {
    renderer: {
      html: rawHtml,
      // Task lists: a glyph instead of a (disabled) form control.
      checkbox: ({ checked }) => (checked ? '☑ ' : '☐ '),
    },
  },
);

export function markdownToHtml(markdown: string): string {
  parseStats.calls++;
  parseStats.chars += markdown.length;
  return marked.parse(markdown, { async: false });
}
