/**
 * Readability measures the same text again and again: the whole text of every candidate block
 * and the text of each link inside it, candidate after candidate. On the 1 MB bench article
 * (bench case 9) 19 link-density calls walked 3,600 links each, and half of all text reads were
 * repeats. Here those answers are remembered for as long as the document has not changed since:
 * a MutationObserver sees every change to the clone and to every element Readability creates
 * (its article container is never in the document), and `takeRecords()` tells synchronously,
 * at each question, whether anything changed. Same answers, tests compare both ways.
 */
import type { Readability } from '@mozilla/readability';

interface Measures {
  _getInnerText(e: Node, normalizeSpaces?: boolean): string;
  _getLinkDensity(element: Element): number;
  REGEXPS: { hashUrl: RegExp };
  _doc: Document;
}

/** What can change a text or a link's weight: nodes in or out, text, and link addresses. */
const WATCH: MutationObserverInit = { childList: true, characterData: true, subtree: true, attributes: true, attributeFilter: ['href'] };

/** A number that moves on every change to `doc`, or to an element made by `doc.createElement`, since it was last read. */
function changes(doc: Document): () => number {
  const seen = new MutationObserver(() => {});
  seen.observe(doc, WATCH);
  const create = doc.createElement.bind(doc);
  // Own property on this one clone: the page's document and the library stay as they are.
  doc.createElement = ((name: string, options?: ElementCreationOptions) => {
    const el = create(name, options);
    seen.observe(el, WATCH);
    return el;
  }) as typeof doc.createElement;
  let generation = 0;
  return () => {
    if (seen.takeRecords().length) generation++;
    return generation;
  };
}

export function withMemo<T>(reader: Readability<T>): Readability<T> {
  const r = reader as unknown as Measures;
  const now = changes(r._doc);
  const innerText = r._getInnerText.bind(r);
  const linkDensity = r._getLinkDensity.bind(r);
  let texts = new Map<Node, string>();
  let textsAt = -1;
  /** The texts remembered are of the document as it is now. */
  const current = () => {
    const at = now();
    if (at !== textsAt) {
      texts = new Map();
      textsAt = at;
    }
    return at;
  };
  const text = (e: Node) => {
    const known = texts.get(e);
    if (known !== undefined) return known;
    const s = innerText(e);
    texts.set(e, s);
    return s;
  };
  r._getInnerText = (e, normalizeSpaces = true) => {
    if (!normalizeSpaces) return innerText(e, false);
    current();
    return text(e);
  };

  // Link text per element, summed over all the document's links in one pass: each element's sum
  // gets its links' lengths in document order, the order Readability adds them in, so the
  // floating-point total is the same number.
  let sums = new Map<Node, number>();
  let sumsAt = -1;
  const sumAll = () => {
    sums = new Map();
    sumsAt = current();
    const links = r._doc.getElementsByTagName('a');
    // Links come in runs under one parent (a paragraph's): its ancestors are looked up once.
    let parent: Node | null = null;
    let above: Node[] = [];
    for (let i = 0; i < links.length; i++) {
      const a = links[i] as Element;
      const href = a.getAttribute('href');
      const weight = text(a).length * (href && r.REGEXPS.hashUrl.test(href) ? 0.3 : 1);
      if (a.parentNode !== parent) {
        parent = a.parentNode;
        above = [];
        for (let up = parent; up; up = up.parentNode) above.push(up);
      }
      for (const up of above) sums.set(up, (sums.get(up) ?? 0) + weight);
    }
  };
  r._getLinkDensity = (element) => {
    // Only elements in the document are in the pass; Readability's own container is not.
    if (!element.isConnected) return linkDensity(element);
    if (sumsAt !== now()) {
      // One pass over every link pays when this element holds at least half of them; a small
      // element after a change is measured on its own, as Readability does.
      const mine = element.getElementsByTagName('a').length;
      if (mine * 2 < r._doc.getElementsByTagName('a').length) return linkDensity(element);
      sumAll();
    }
    const textLength = r._getInnerText(element).length;
    if (textLength === 0) return 0;
    return (sums.get(element) ?? 0) / textLength;
  };
  return reader;
}
