import { describe, expect, it } from 'vitest';
import { appendRun, RUN, splitLongTexts } from '../../../components/markdown/text-runs';

const texts = (el: Node) => Array.from(el.childNodes, (n) => n.textContent ?? '');

function seeded(seed: number) {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    return s / 2 ** 31;
  };
}

describe('appendRun', () => {
  it('grows one text node while it is shorter than a run', () => {
    const p = document.createElement('p');
    appendRun(p, 'Hello');
    appendRun(p, ' world');
    expect(texts(p)).toEqual(['Hello world']);
  });

  it('starts a new node after a full run, at whitespace only', () => {
    const p = document.createElement('p');
    const word = 'abcdefgh ';
    for (let i = 0; i < 400; i++) appendRun(p, word);
    expect(p.textContent).toBe(word.repeat(400));
    expect(p.childNodes.length).toBeGreaterThan(2);
    for (const t of texts(p)) expect(t.length).toBeLessThan(RUN + word.length);
    // Each cut sits after a space: no node starts inside a word.
    for (const t of texts(p).slice(1)) expect(t.startsWith('abcdefgh')).toBe(true);
  });

  it('never cuts inside a surrogate pair or a cluster, however the text is chunked', () => {
    const rnd = seeded(7);
    const sample = 'fam👨‍👩‍👧 e\u0301 🦙 café 你好世界 \u{1F1EB}\u{1F1F7} ';
    const whole = sample.repeat(300);
    const p = document.createElement('p');
    for (let i = 0; i < whole.length; ) {
      const n = 1 + Math.floor(rnd() * 12);
      appendRun(p, whole.slice(i, i + n));
      i += n;
    }
    expect(p.textContent).toBe(whole);
    expect(p.childNodes.length).toBeGreaterThan(2);
    for (const [i, t] of texts(p).entries()) {
      if (i === 0) continue;
      const first = t.charAt(0);
      // Only after whitespace, or before whitespace or a CJK character.
      const prev = texts(p)[i - 1]?.slice(-1) ?? '';
      expect(/\s/.test(prev) || /[\s\u4e00-\u9fff]/.test(first)).toBe(true);
    }
  });

  it('keeps text without any cut point in one node rather than break it', () => {
    const p = document.createElement('p');
    for (let i = 0; i < 500; i++) appendRun(p, 'xxxxxxxx');
    expect(texts(p)).toEqual(['xxxxxxxx'.repeat(500)]);
  });

  it('cuts a single huge chunk into runs', () => {
    const p = document.createElement('p');
    appendRun(p, 'word '.repeat(2000));
    expect(p.textContent).toBe('word '.repeat(2000));
    expect(p.childNodes.length).toBeGreaterThanOrEqual(4);
  });
});

describe('splitLongTexts', () => {
  it('cuts long nodes anywhere in a fragment and leaves short ones and the text as they were', () => {
    const root = document.createElement('div');
    root.innerHTML = `<p>${'lorem ipsum '.repeat(500)}</p><ul><li>short</li></ul><pre><code>${'x = 1\n'.repeat(800)}</code></pre>`;
    const before = root.innerHTML;
    splitLongTexts(root);
    expect(root.innerHTML).toBe(before);
    expect(root.querySelector('p')?.childNodes.length).toBeGreaterThan(2);
    expect(root.querySelector('li')?.childNodes.length).toBe(1);
    expect(root.querySelector('code')?.childNodes.length).toBeGreaterThan(2);
    for (const n of root.querySelectorAll('p, code')) for (const t of n.childNodes) expect(t.textContent?.length ?? 0).toBeLessThanOrEqual(2 * RUN);
  });
});
