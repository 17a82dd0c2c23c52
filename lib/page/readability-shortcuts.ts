/**
 * Readability's work for the HTML it would hand back skipped (we take only text), and two of its
 * checks made cheap where their answer is known without the costly part, so
 * the answer never changes (tests/lib/page/readability-shortcuts.test.ts compares both ways).
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
  return reader;
}
