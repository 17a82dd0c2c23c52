import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readability } from '@mozilla/readability';
import { describe, expect, it } from 'vitest';
import { toMarkdown } from '../../../lib/page/markdown';
import { withShortcuts } from '../../../lib/page/readability-shortcuts';

const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html');
const ARTICLE = readFileSync(join(import.meta.dirname, '../../e2e/fixtures/article.html'), 'utf8');

interface Checks {
  _isValidByline(node: Element, matchString: string): boolean;
  _isProbablyVisible(node: Element): boolean;
  _isElementWithoutContent(node: Node): boolean;
}

const ELEMENTS = `
  <div class="byline">By Ana Quispe</div><div class="author-box">${'long '.repeat(40)}</div>
  <a rel="author" href="/a">Ana</a><a rel="author" href="/b"></a><span itemprop="author">Ana</span>
  <span itemprop="name">Ana</span><p class="dateline" id="x">Lima</p><p>Plain text</p><div></div>
  <p style="display: none">a</p><p style="visibility: hidden">b</p><p style="color: red">c</p>
  <p hidden>d</p><p aria-hidden="true">e</p><p aria-hidden="false">f</p>
  <img aria-hidden="true" class="mwe-math-fallback-image-inline" alt=""><svg aria-hidden="true"><g></g></svg>`;

describe('withShortcuts', () => {
  it('still finds the Readability methods it replaces (an upgrade that renames them would silently undo the speed-up)', () => {
    const proto = Readability.prototype as unknown as Record<string, unknown>;
    for (const name of [
      '_isValidByline',
      '_isProbablyVisible',
      '_cleanStyles',
      '_isElementWithoutContent',
      '_fixRelativeUris',
      '_grabArticle',
      '_postProcessContent',
      '_getInnerText',
      '_getLinkDensity',
    ])
      expect(typeof proto[name], name).toBe('function');
  });

  it('gives Readability’s own answers for bylines and visibility, element by element', () => {
    const doc = parse(`<body>${ELEMENTS}</body>`);
    const plain = new Readability(doc.cloneNode(true) as Document) as unknown as Checks;
    const quick = withShortcuts(new Readability(doc.cloneNode(true) as Document)) as unknown as Checks;
    const all = Array.from(doc.querySelectorAll('*'));
    expect(all.length).toBeGreaterThan(20);
    let bylines = 0;
    let hidden = 0;
    for (const el of all) {
      const match = `${el.getAttribute('class') ?? ''} ${el.id}`;
      expect(quick._isValidByline(el, match), el.outerHTML).toBe(plain._isValidByline(el, match));
      expect(quick._isProbablyVisible(el), el.outerHTML).toBe(plain._isProbablyVisible(el));
      if (plain._isValidByline(el, match)) bylines++;
      if (!plain._isProbablyVisible(el)) hidden++;
    }
    // Both answers occur, so the comparison covers each side of every shortcut.
    expect(bylines).toBeGreaterThanOrEqual(3);
    expect(hidden).toBeGreaterThanOrEqual(4);
  });

  it('gives Readability’s own answer to “is this element empty”, element by element', () => {
    const doc = parse(
      `<body>${ELEMENTS}<div> \n\t </div><div><br> <hr></div><div><br><span> </span></div><section>\u00a0</section><div>\ufeff</div>` +
        `<div><!-- a comment --></div><div><p> </p><p>x</p></div><div> <b> </b> </div><header> </header></body>`,
    );
    const plain = new Readability(doc.cloneNode(true) as Document) as unknown as Checks;
    const quick = withShortcuts(new Readability(doc.cloneNode(true) as Document)) as unknown as Checks;
    let empty = 0;
    for (const node of [doc, doc.body, ...Array.from(doc.querySelectorAll('*')), ...Array.from(doc.body.childNodes)]) {
      expect(quick._isElementWithoutContent(node), (node as Element).outerHTML ?? node.nodeName).toBe(plain._isElementWithoutContent(node));
      if (plain._isElementWithoutContent(node)) empty++;
    }
    expect(empty).toBeGreaterThanOrEqual(5);
  });

  it('leaves the article’s Markdown exactly as Readability alone gives it, presentational attributes or not', () => {
    // Attributes that Readability's style cleaning (skipped with the shortcuts) would strip.
    const styled = ARTICLE.replace(/<(p|table|td|h2)([ >])/g, '<$1 align="left" style="color: red" width="40" bgcolor="#fff"$2');
    expect(styled).not.toBe(ARTICLE);
    // A real address, so the links resolve (Readability's own way, or the Markdown's when skipped).
    const based = ARTICLE.replace('<head>', '<head><base href="https://ex.org/wiki/Page">').replace('https://example.org/pasture', '/pasture/../fields?x=1');
    expect(based).not.toBe(ARTICLE);
    for (const html of [ARTICLE, styled, based]) {
      const run = (quick: boolean) => {
        const reader = new Readability<Node>(parse(html), { serializer: (n) => n, keepClasses: true });
        const parsed = (quick ? withShortcuts(reader) : reader).parse();
        return { title: parsed?.title, byline: parsed?.byline, markdown: toMarkdown(parsed?.content as Element) };
      };
      const quick = run(true);
      expect(quick.markdown).toContain('ARTICLE-MARKER-HUMMING');
      if (html === based) expect(quick.markdown).toContain('](https://ex.org/fields?x=1)');
      expect(quick).toEqual(run(false));
    }
  });

  it('skips the article’s two unread serializations only while Readability would make them: the element is whole afterwards', () => {
    const reader = withShortcuts(new Readability<Node>(parse(ARTICLE), { serializer: (n) => n, keepClasses: true }));
    const reads: string[] = [];
    const r = reader as unknown as { log(...a: unknown[]): void };
    // The debug log line parse() builds from the article's HTML gets nothing to build from.
    r.log = (...a) => reads.push(a.map(String).join(' '));
    const parsed = reader.parse();
    const content = parsed?.content as Element;
    expect(reads.find((l) => l.startsWith('Grabbed:'))).toBe('Grabbed: ');
    // Its whole text, which the Markdown does not use, is not built.
    expect(parsed?.textContent).toBe('');
    // No own property is left on the element: its real HTML and text are there.
    expect(Object.getOwnPropertyNames(content)).not.toContain('innerHTML');
    expect(Object.getOwnPropertyNames(content)).not.toContain('textContent');
    expect(content.innerHTML).toContain('ARTICLE-MARKER-HUMMING');
    expect(content.textContent).toContain('ARTICLE-MARKER-HUMMING');
  });
});
