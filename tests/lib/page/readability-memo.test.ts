import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readability } from '@mozilla/readability';
import { describe, expect, it } from 'vitest';
import { toMarkdown } from '../../../lib/page/markdown';
import { withMemo } from '../../../lib/page/readability-memo';
import { withShortcuts } from '../../../lib/page/readability-shortcuts';

const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html');
const ARTICLE = readFileSync(join(import.meta.dirname, '../../e2e/fixtures/article.html'), 'utf8');
// The start of the bench article: sidebar, contents (fragment links), sections, citations.
const BENCH = readFileSync(join(import.meta.dirname, '../../../bench/fixtures/article-1mb.html'), 'utf8').slice(0, 90_000);

interface Measures {
  _getInnerText(e: Node, normalizeSpaces?: boolean): string;
  _getLinkDensity(element: Element): number;
}

/** Every answer of both readers for every element, exactly (the same floating-point number). */
function compareAll(doc: Document, plain: Measures, memo: Measures, extra: Element[] = []) {
  const all = [...Array.from(doc.querySelectorAll('*')), ...extra];
  for (const el of all) {
    expect(memo._getInnerText(el), el.tagName).toBe(plain._getInnerText(el));
    expect(memo._getInnerText(el, false)).toBe(plain._getInnerText(el, false));
    expect(memo._getLinkDensity(el), el.outerHTML.slice(0, 80)).toBe(plain._getLinkDensity(el));
  }
  return all.length;
}

describe('withMemo', () => {
  it('gives Readability’s own texts and link densities, element by element, before and after the document changes', () => {
    const doc = parse(BENCH);
    const plain = new Readability(doc) as unknown as Measures;
    const memo = withMemo(new Readability(doc)) as unknown as Measures;
    expect(compareAll(doc, plain, memo)).toBeGreaterThan(500);
    // Fragment links count 0.3: the comparison covers both weights.
    expect(doc.querySelector('a[href^="#"]')).not.toBeNull();

    // Each kind of change, each followed by every answer again.
    const links = Array.from(doc.querySelectorAll('p a'));
    links[0]?.remove();
    compareAll(doc, plain, memo);
    const text = doc.querySelector('p')?.firstChild as Text;
    text.data = `${text.data} and a longer sentence added later`;
    compareAll(doc, plain, memo);
    links[3]?.setAttribute('href', '#now-a-fragment');
    compareAll(doc, plain, memo);
    // An element made by the document and filled outside it, as Readability's article container is.
    const made = doc.createElement('div');
    made.append(...Array.from(doc.querySelectorAll('p')).slice(2, 6));
    compareAll(doc, plain, memo, [made]);
    made.append(doc.createElement('a'));
    (made.lastChild as Element).textContent = 'a link written into the detached container';
    compareAll(doc, plain, memo, [made]);
  });

  it('leaves the article’s Markdown exactly as Readability alone gives it, also when it tries again', () => {
    // A page with too little text for the first try: Readability restores the page and tries again.
    const short = '<html><body><div class="comment">Short text, with a <a href="/x">link</a>.</div><p>One more line here.</p></body></html>';
    for (const html of [ARTICLE, BENCH, short]) {
      const run = (memo: boolean) => {
        const reader = withShortcuts(new Readability<Node>(parse(html), { serializer: (n) => n, keepClasses: true }));
        const parsed = (memo ? withMemo(reader) : reader).parse();
        return { title: parsed?.title, markdown: parsed?.content ? toMarkdown(parsed.content as Element) : null };
      };
      const plain = run(false);
      expect(plain.markdown?.length ?? 0, html.slice(0, 40)).toBeGreaterThan(20);
      expect(run(true)).toEqual(plain);
    }
  });
});
