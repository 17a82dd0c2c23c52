/**
 * What model output may become in the panel: allow lists only. Everything here is inert text
 * formatting; nothing loads, runs, submits or styles. Images are kept only to be turned into
 * click-to-load placeholders; their `src` never reaches the live document.
 */

export const ALLOWED_TAGS = [
  'a',
  'b',
  'blockquote',
  'br',
  'code',
  'del',
  'em',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'hr',
  'i',
  'img',
  'kbd',
  'li',
  'mark',
  'ol',
  'p',
  'pre',
  's',
  'strong',
  'sub',
  'sup',
  'table',
  'tbody',
  'td',
  'th',
  'thead',
  'tr',
  'u',
  'ul',
] as const;

/** No `src`, no `style`, no `on*`, no `data-*`, no `id`/`name` (DOM clobbering). */
export const ALLOWED_ATTR = ['href', 'title', 'alt', 'class', 'align', 'start'] as const;

const LINK_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);
const IMAGE_PROTOCOLS = new Set(['http:', 'https:']);

function protocolOf(url: string): string | null {
  try {
    return new URL(url).protocol;
  } catch {
    return null; // relative or malformed: it would resolve against the extension's own origin
  }
}

export const isSafeLink = (href: string) => LINK_PROTOCOLS.has(protocolOf(href) ?? '');
export const isSafeImage = (src: string) => IMAGE_PROTOCOLS.has(protocolOf(src) ?? '');

/** `language-x` from marked's fenced code; any other class could mimic our own UI. */
export const CODE_CLASS = /^language-[\w.+#-]{1,40}$/;
