import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractPage } from '../../../lib/page/extract';

const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html');
const ARTICLE = readFileSync(join(import.meta.dirname, '../../e2e/fixtures/article.html'), 'utf8');

describe('extractPage', () => {
  it('takes the article through Readability: its text, headings, list and table, without navigation, ads or footer', () => {
    const doc = parse(ARTICLE);
    const before = doc.body.innerHTML;
    const p = extractPage(doc);
    expect(p.source).toBe('readability');
    expect(p.title).toBe('Llama husbandry – The Camelid Gazette');
    expect(p.markdown).toContain('ARTICLE-MARKER-HUMMING');
    expect(p.markdown).toContain('## Feeding');
    expect(p.markdown).toContain('- Grass hay, freely available');
    expect(p.markdown).toContain('| Hill farm | 12 |');
    expect(p.markdown).toContain('[pasture](https://example.org/pasture)');
    for (const chrome of ['ZEBRA', 'BUY-NOW', 'CHEAP-FLIGHTS', 'COPYRIGHT', 'GAZETTE-TOP']) expect(p.markdown).not.toContain(chrome);
    // Readability worked on a clone: the page the user sees is untouched.
    expect(doc.body.innerHTML).toBe(before);
  });

  it('falls back to the page text without its frame when there is no article', () => {
    const doc = parse('<title>App</title><nav>Nav-ZEBRA</nav><main><p>Short app text.</p></main><footer>Foot</footer>');
    expect(extractPage(doc)).toMatchObject({ title: 'App', markdown: 'Short app text.', source: 'fallback' });
  });

  it('says an empty page has no text rather than failing', () => {
    expect(extractPage(parse('<title>Empty</title>'))).toMatchObject({ markdown: '', source: 'fallback' });
  });
});
