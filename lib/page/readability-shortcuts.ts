/**
 * Readability's work for the HTML it would hand back skipped (we take only text), and two of its
 * checks made cheap where their answer is known without the costly part, so the article never
 * changes (tests/lib/page/readability-shortcuts.test.ts compares both ways). Only parse()'s
 * `textContent` and `length` come back empty: the Markdown is made from `content`.
 * Readability runs them on every element of the page: on the 1 MB bench article (bench case 9)
 * the byline check read the whole text of every element, the html and body ones included, and
 * the visibility check built a style object for elements that have no style attribute.
 * Set on the instance, so the library itself stays as published.
 */
import type { Readability } from '@mozilla/readability';

interface Checks {
  REGEXPS: { byline: RegExp };
  _isValidByline(node: Element, matchString: string): boolean;
  _isProbablyVisible(node: Element): boolean;
  _cleanStyles(node: Element): void;
  _isElementWithoutContent(node: Node): boolean;
  _fixRelativeUris(content: Element): void;
  _grabArticle(page?: Element | null): Element | null;
  _postProcessContent(content: Element): void;
  parse(): unknown;
}

/** `el`'s own `name` reads as '' until `restore()`; writing it still works. */
function blank(el: Element, name: 'innerHTML' | 'textContent'): () => void {
  Object.defineProperty(el, name, {
    configurable: true,
    get: () => '',
    set(this: Element, v: string) {
      delete (this as unknown as Record<string, unknown>)[name];
      this[name] = v;
    },
  });
  return () => void delete (el as unknown as Record<string, unknown>)[name];
}

/** Whether any text below `node` has a non-space character: known at the first such text, not after all of it. */
function hasText(node: Node): boolean {
  const texts = (node.ownerDocument ?? (node as Document)).createTreeWalker(node, 4 /* NodeFilter.SHOW_TEXT */);
  // \S is trim()'s complement (both use ECMAScript's WhiteSpace and LineTerminator).
  for (let t = texts.nextNode(); t; t = texts.nextNode()) if (/\S/.test(t.nodeValue ?? '')) return true;
  return false;
}

export function withShortcuts<T>(reader: Readability<T>): Readability<T> {
  const r = reader as unknown as Checks;
  const byline = r._isValidByline.bind(r);
  const visible = r._isProbablyVisible.bind(r);
  // Readability's own test, minus the text: only a node that passes it has its length measured.
  r._isValidByline = (node, matchString) =>
    (node.getAttribute('rel') === 'author' || !!node.getAttribute('itemprop')?.includes('author') || r.REGEXPS.byline.test(matchString)) &&
    byline(node, matchString);
  // Without these three attributes Readability's answer is always "visible".
  r._isProbablyVisible = (node) => (!node.hasAttribute('style') && !node.hasAttribute('hidden') && !node.hasAttribute('aria-hidden')) || visible(node);
  // It strips style and presentational attributes (align, width…) from every element of the
  // article, for display; nothing after it reads them and the Markdown drops all of them.
  r._cleanStyles = () => {};
  // It asks every div and section, the article-sized ones too, for its whole text to see whether
  // it is empty; the first non-space character answers that (same answer, tests compare).
  r._isElementWithoutContent = (node) =>
    node.nodeType === 1 &&
    !hasText(node) &&
    (!(node as Element).children.length ||
      (node as Element).children.length === (node as Element).getElementsByTagName('br').length + (node as Element).getElementsByTagName('hr').length);
  // It makes every link and media address absolute, for display; the Markdown reads only links
  // and resolves them itself (lib/page/markdown.ts, linkTarget), script links included.
  r._fixRelativeUris = () => {};
  // Two serializations of the whole article that nothing here reads (each ~3-7 ms on the bench
  // article): parse() builds a log line from the article's HTML even when not debugging, between
  // _grabArticle and _postProcessContent; and it hands back the article's whole text, which the
  // Markdown takes from the elements instead. Each own property lives only across that read.
  let restore = () => {};
  const grab = r._grabArticle.bind(r);
  const post = r._postProcessContent.bind(r);
  const parse = r.parse.bind(r);
  r._grabArticle = (page) => {
    const content = grab(page);
    if (content && page === undefined) restore = blank(content, 'innerHTML');
    return content;
  };
  r._postProcessContent = (content) => {
    restore();
    post(content);
    restore = blank(content, 'textContent');
  };
  r.parse = () => {
    try {
      return parse();
    } finally {
      restore();
      restore = () => {};
    }
  };
  return reader;
}
