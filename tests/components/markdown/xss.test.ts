import './support/happy-dom-compat';
import { describe, expect, it } from 'vitest';
import { sanitizeToFragment } from '../../../components/markdown/sanitize/sanitize';
import { randomChunks, renderOnce, renderStreamed, tokens } from './support/dom';
import { dangers } from './support/inert';
import { nodeNameWorks, unwrapWhileIterating } from './support/happy-dom-compat';
import { xssCorpus } from './support/xss-corpus';

const corpus = xssCorpus();

/** The payload as a browser would build it without us, in an inert document. */
function unsanitized(payload: string): Document {
  return new DOMParser().parseFromString(payload, 'text/html');
}

describe('hostile model output', () => {
  it('has a corpus of at least 40 payloads, and the checker flags raw ones', () => {
    expect(nodeNameWorks()).toBe(true);
    expect(unwrapWhileIterating('<div><i>1</i><b>2</b></div><p>3</p>')).toBe('BODY,DIV,I,B,P');
    expect(corpus.length).toBeGreaterThanOrEqual(40);
    const flagged = corpus.filter((p) => dangers(unsanitized(p).body).length > 0);
    // Markdown-only payloads are harmless as raw HTML; every HTML one must be caught unsanitized.
    expect(flagged.length).toBeGreaterThanOrEqual(40);
  });

  it.each(corpus.map((p, i) => [i, p] as const))('payload %i is inert when rendered: %s', (_i, payload) => {
    const root = renderOnce(`Before\n\n${payload}\n\nAfter [ok](https://ok.example)`);
    expect(dangers(root)).toEqual([]);
    expect(root.textContent).toContain('After');
  });

  it.each(corpus.map((p, i) => [i, p] as const))('payload %i is inert straight through the sanitizer', (_i, payload) => {
    const root = document.createElement('div');
    const frag = sanitizeToFragment(payload);
    expect(frag).not.toBeNull();
    if (frag) root.append(frag);
    // Before our decoration an <img> may remain, but never with anything to load.
    for (const img of root.querySelectorAll('img')) {
      expect([...img.attributes].map((a) => a.name).filter((n) => n !== 'alt' && n !== 'title' && n !== 'data-md-src')).toEqual([]);
      img.remove();
    }
    expect(dangers(root)).toEqual([]);
  });

  it('is inert at every point while the whole corpus streams, token by token and in random chunks', () => {
    const all = corpus.join('\n\n');
    for (const pieces of [tokens(all), randomChunks(all, 3), randomChunks(all, 11, 40)]) {
      const root = document.createElement('div');
      const { MarkdownStreamView } = viewModule;
      const view = new MarkdownStreamView(root);
      for (const p of pieces) {
        view.update(p);
        expect(dangers(root)).toEqual([]);
      }
      view.end();
      expect(dangers(root)).toEqual([]);
    }
    expect(renderStreamed(tokens(all)).innerHTML).toBe(renderOnce(all).innerHTML);
  });

  it('keeps the remote image address only on the placeholder, never fetched', () => {
    const root = renderOnce('![x](http://127.0.0.1:9/leak.png?q=secret) <img src="https://evil.example/p.png" alt="pixel">');
    const buttons = [...root.querySelectorAll('button.md-image')];
    expect(buttons.map((b) => b.textContent)).toEqual(['Load image from 127.0.0.1:9', 'Load image from evil.example']);
    expect(buttons[1]?.getAttribute('title')).toBe('pixel');
    expect(root.querySelector('img, [src]')).toBeNull();
  });

  it('drops images that are not http(s) instead of offering to load them', () => {
    const root = renderOnce('![a](data:image/png;base64,AAAA) ![b](file:///etc/passwd) ![c](relative.png)');
    expect(root.querySelector('button')).toBeNull();
    expect(root.textContent?.trim()).toBe('a b c');
  });
});

const viewModule = await import('../../../components/markdown/stream-view');
