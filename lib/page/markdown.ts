/**
 * A page's content as compact Markdown for the model: headings, paragraphs, lists, links, tables,
 * quotes and code kept; images, scripts, forms and styling dropped. Written here rather than
 * taken from a library because it runs injected in the tab on every extraction (lib/page/extract.ts):
 * the converters on npm carry a full rule engine (and Turndown a DOM parser for Node) for the
 * many HTML shapes we do not need, and every byte is parsed again in the page each time.
 * Pure DOM: no browser extension API, so the unit tests run it in happy-dom.
 */

const SKIP = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'SVG',
  'CANVAS',
  'IFRAME',
  'OBJECT',
  'EMBED',
  'VIDEO',
  'AUDIO',
  'IMG',
  'PICTURE',
  'BUTTON',
  'INPUT',
  'SELECT',
  'TEXTAREA',
  'FORM',
  'MATH',
  'HEAD',
  'TITLE',
  'META',
  'LINK',
]);
/** The page's frame around its content: left out of the fallback (Readability drops it itself). */
const CHROME = new Set(['NAV', 'ASIDE', 'FOOTER', 'HEADER', 'DIALOG']);
const CHROME_ROLES = new Set(['navigation', 'banner', 'contentinfo', 'complementary', 'search', 'dialog', 'menu', 'menubar']);
const BLOCK = new Set([
  ...['P', 'DIV', 'SECTION', 'ARTICLE', 'MAIN', 'HEADER', 'FOOTER', 'ASIDE', 'NAV', 'UL', 'OL', 'LI', 'BLOCKQUOTE', 'PRE', 'TABLE', 'FIGURE'],
  ...['FIGCAPTION', 'HR', 'DL', 'DT', 'DD', 'DETAILS', 'SUMMARY', 'ADDRESS', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'BODY', 'CENTER', 'HGROUP'],
]);

export interface MarkdownOptions {
  /** Leave out nav, header, footer, aside and their ARIA roles (the fallback when Readability finds nothing). */
  skipChrome?: boolean;
}

// HTML documents give element names in upper case already; SVG, MathML and XHTML do not.
const tag = (n: Node) => (n.nodeName.charCodeAt(0) > 90 ? n.nodeName.toUpperCase() : n.nodeName);
// Most text nodes have no run of white space to fold: test before building a new string.
const squash = (s: string) => (/\s[\s]|[\t\n\r\f]/.test(s) ? s.replace(/\s+/g, ' ') : s);

// Each DOM read from the injected script crosses into the browser's C++ (and costs most on a
// page's first extraction): an element's name and type are read once and handed along.
const hidden = (el: Element, o: MarkdownOptions) => hiddenNamed(el, tag(el), o);

function hiddenNamed(el: Element, name: string, o: MarkdownOptions): boolean {
  if (SKIP.has(name) || el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true') return true;
  if (!o.skipChrome) return false;
  return CHROME.has(name) || CHROME_ROLES.has(el.getAttribute('role') ?? '');
}

// A root-relative path the URL parser would leave exactly as written: no dot segments (also
// not percent-encoded ones), nothing it escapes (space, quotes, <>, backslash, non-ASCII).
const PLAIN_PATH = /^\/(?!\/)[\w\-.~!$&()*+,;=:@/%?#]*$/;
const DOT_SEGMENT = /\/(\.|%2e){1,2}(?=[/?#]|$)/i;
// An absolute link already in the parser's form: lower-case scheme and host, no port, no IP
// address (the parser rewrites 127.1 as 127.0.0.1), a path.
const PLAIN_ABSOLUTE = /^https?:\/\/(?:[a-z0-9-]+\.)*[a-z][a-z0-9-]*(?=\/)/;
let origins: { base: string; origin: string | null } = { base: '', origin: null };

/** The page's origin for root-relative links, when links resolve against it without surprises. */
function originOf(base: string): string | null {
  if (origins.base !== base) {
    let origin: string | null = null;
    try {
      const u = new URL(base);
      if ((u.protocol === 'http:' || u.protocol === 'https:') && !u.username && !u.password) origin = `${u.protocol}//${u.host}`;
    } catch {}
    origins = { base, origin };
  }
  return origins.origin;
}

/** Only links that lead somewhere outside the page: a fragment or a script link is just its text. */
function linkTarget(el: Element): string | null {
  const raw = el.getAttribute('href');
  if (!raw || raw.startsWith('#')) return null;
  // Absolute and root-relative links (most of an article's) need no URL parse each: on the 1 MB
  // bench article that parse was thousands of calls (bench case 9). Same result, tests compare.
  const host = PLAIN_ABSOLUTE.exec(raw)?.[0];
  if (host && PLAIN_PATH.test(raw.slice(host.length)) && !DOT_SEGMENT.test(raw)) return raw;
  const base = el.ownerDocument.baseURI;
  if (!host && PLAIN_PATH.test(raw) && !DOT_SEGMENT.test(raw)) {
    const origin = originOf(base);
    if (origin) return origin + raw;
  }
  try {
    const u = new URL(raw, base);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}

function wrap(mark: string, s: string): string {
  const t = s.trim();
  return t ? `${s.startsWith(' ') ? ' ' : ''}${mark}${t}${mark}${s.endsWith(' ') ? ' ' : ''}` : s;
}

// Sibling links, not Array.from(childNodes): on a 1 MB article the NodeList walk and the array
// per element were a good part of the conversion's time (bench case 9).
function inlineChildren(el: Node, o: MarkdownOptions, except?: Node[]): string {
  let s = '';
  for (let c = el.firstChild; c; c = c.nextSibling) if (!except?.includes(c)) s += inline(c, o);
  return s;
}

function inline(node: Node, o: MarkdownOptions): string {
  const type = node.nodeType;
  if (type === 3) return squash(node.nodeValue ?? '');
  return type === 1 ? inlineElement(node as Element, tag(node), o) : '';
}

function inlineElement(el: Element, name: string, o: MarkdownOptions): string {
  if (hiddenNamed(el, name, o)) return '';
  if (name === 'BR') return '\n';
  const inner = inlineChildren(el, o);
  switch (name) {
    case 'A': {
      const href = linkTarget(el);
      const text = squash(inner).trim();
      return href && text ? `[${text}](${href})` : inner;
    }
    case 'STRONG':
    case 'B':
      return wrap('**', inner);
    case 'EM':
    case 'I':
      return wrap('_', inner);
    case 'CODE':
    case 'KBD':
    case 'SAMP':
      return inner.trim() ? `\`${inner.trim()}\`` : inner;
    default:
      // A block met inline (a paragraph in a list item, a cell): keep its words apart.
      return BLOCK.has(name) ? ` ${inner} ` : inner;
  }
}

/** Inline text tidied: no runs of spaces, no space at line edges. */
const tidy = (s: string) =>
  s
    .split('\n')
    .map((l) => squash(l).trim())
    .filter(Boolean)
    .join('\n');

function list(el: Element, o: MarkdownOptions, out: string[], indent: string): void {
  let n = Number(el.getAttribute('start')) || 1;
  const ordered = tag(el) === 'OL';
  for (let li = el.firstElementChild; li; li = li.nextElementSibling) {
    const name = tag(li);
    if (name !== 'LI' || hiddenNamed(li, name, o)) continue;
    const marker = ordered ? `${n++}. ` : '- ';
    const nested: Element[] = [];
    for (let c = li.firstElementChild; c; c = c.nextElementSibling) {
      const sub = tag(c);
      if (sub === 'UL' || sub === 'OL') nested.push(c);
    }
    const text = tidy(inlineChildren(li, o, nested)).replace(/\n/g, ' ');
    out.push(`${indent}${marker}${text}`);
    for (const sub of nested) if (!hidden(sub, o)) list(sub, o, out, `${indent}${' '.repeat(marker.length)}`);
  }
}

function cell(c: Element, o: MarkdownOptions): string {
  return tidy(inline(c, o)).replace(/\n/g, ' ').replace(/\|/g, '\\|');
}

function table(el: HTMLTableElement, o: MarkdownOptions): string | null {
  const rows = Array.from(el.rows)
    .filter((r) => !hidden(r, o))
    .map((r) => Array.from(r.cells, (c) => cell(c, o)));
  const width = Math.max(0, ...rows.map((r) => r.length));
  if (!rows.length || !width) return null;
  const line = (r: string[]) => `| ${Array.from({ length: width }, (_, i) => r[i] ?? '').join(' | ')} |`;
  const [head = [], ...body] = rows;
  return [line(head), line(Array(width).fill('---')), ...body.map(line)].join('\n');
}

/** Appends `el`'s content as Markdown blocks to `out`. */
function blocks(el: Element, o: MarkdownOptions, out: string[]): void {
  let run = '';
  const flush = () => {
    const t = tidy(run);
    if (t) out.push(t);
    run = '';
  };
  for (let child = el.firstChild; child; child = child.nextSibling) {
    const type = child.nodeType;
    if (type !== 1) {
      if (type === 3) run += squash(child.nodeValue ?? '');
      continue;
    }
    const c = child as Element;
    const name = tag(c);
    if (!BLOCK.has(name)) {
      run += inlineElement(c, name, o);
      continue;
    }
    if (hiddenNamed(c, name, o)) continue;
    flush();
    if (/^H[1-6]$/.test(name)) {
      const t = tidy(inline(c, o)).replace(/\n/g, ' ');
      if (t) out.push(`${'#'.repeat(Number(name[1]))} ${t}`);
    } else if (name === 'UL' || name === 'OL') {
      const lines: string[] = [];
      list(c, o, lines, '');
      if (lines.length) out.push(lines.join('\n'));
    } else if (name === 'PRE') {
      const code = (c.textContent ?? '').replace(/\n+$/, '');
      if (code.trim()) out.push(`\`\`\`\n${code}\n\`\`\``);
    } else if (name === 'TABLE') {
      const t = table(c as HTMLTableElement, o);
      if (t) out.push(t);
    } else if (name === 'BLOCKQUOTE') {
      const inner: string[] = [];
      blocks(c, o, inner);
      if (inner.length) out.push(inner.join('\n\n').replace(/^/gm, '> '));
    } else if (name === 'HR') out.push('---');
    else blocks(c, o, out);
  }
  flush();
}

/** `root`'s content as compact Markdown (blocks separated by one blank line). */
export function toMarkdown(root: Element, options: MarkdownOptions = {}): string {
  const out: string[] = [];
  blocks(root, options, out);
  return out.join('\n\n');
}
