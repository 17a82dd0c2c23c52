/** Everything in rendered model output that could run, load, submit, restyle or mislead. */
const ATTRS: Record<string, readonly string[]> = {
  a: ['href', 'target', 'rel'],
  code: ['class'],
  th: ['align'],
  td: ['align'],
  ol: ['start'],
  span: ['class'],
  div: ['class'],
  button: ['type', 'class', 'aria-label', 'data-md-src'],
};
/** Our own chrome's attributes (a focusable code block or table scroller), allowed with these values only. */
const OURS: Record<string, Record<string, RegExp>> = {
  pre: { tabindex: /^0$/, role: /^group$/, 'aria-label': /^Code(, [\w+#.-]+)?$/ },
  div: { tabindex: /^0$/, role: /^group$/, 'aria-label': /^Table$/ },
};
const TAGS = new Set([
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
  // our own chrome
  'div',
  'span',
  'button',
]);
const LOADS =
  'img,[src],[srcset],[style],[background],[poster],[action],[formaction],link,style,script,iframe,object,embed,form,input,base,meta,svg,math,video,audio,source,picture,template';
const HTML_NS = 'http://www.w3.org/1999/xhtml';

const protocol = (url: string) => {
  try {
    return new URL(url).protocol;
  } catch {
    return 'relative';
  }
};

export function dangers(root: ParentNode): string[] {
  const found: string[] = [];
  if (root.querySelector(LOADS)) found.push(`loads or runs: ${root.querySelector(LOADS)?.outerHTML.slice(0, 80)}`);
  for (const el of root.querySelectorAll('*')) {
    const tag = el.localName;
    if (!TAGS.has(tag) || el.namespaceURI !== HTML_NS) found.push(`element <${tag}>`);
    for (const { name, value } of el.attributes) {
      // The streaming indicator (our own, empty) is hidden from screen readers; nothing else may be.
      const caret = tag === 'span' && name === 'aria-hidden' && el.className === 'stream-caret' && el.childNodes.length === 0;
      const ours = OURS[tag]?.[name]?.test(value) && (tag !== 'div' || el.getAttribute('class') === 'md-table');
      if (name !== 'title' && !caret && !ours && !ATTRS[tag]?.includes(name)) found.push(`<${tag} ${name}>`);
      if (/url\s*\(|javascript:|vbscript:|data:/i.test(value) && name !== 'title') found.push(`<${tag} ${name}="${value}">`);
    }
    if (tag === 'a' && el.hasAttribute('href')) {
      if (!['http:', 'https:', 'mailto:'].includes(protocol(el.getAttribute('href') ?? ''))) found.push(`link ${el.getAttribute('href')}`);
      if (el.getAttribute('target') !== '_blank' || el.getAttribute('rel') !== 'noopener noreferrer') found.push(`link without target/rel: ${el.outerHTML}`);
    }
    if (tag === 'button') {
      const cls = el.getAttribute('class');
      if (cls !== 'md-copy' && cls !== 'md-image') found.push(`foreign button ${el.outerHTML}`);
      const src = el.getAttribute('data-md-src');
      if (src !== null && !['http:', 'https:'].includes(protocol(src))) found.push(`placeholder for ${src}`);
    }
    const cls = el.getAttribute('class');
    if (cls && (tag === 'a' || tag === 'p' || tag === 'b')) found.push(`class on <${tag}>`);
  }
  return found;
}
