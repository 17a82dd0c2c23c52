import './support/happy-dom-compat';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadHighlighter } from '../../../components/markdown/decorate/decorate';
import { CHUNK_BLOCKS, MarkdownStreamView } from '../../../components/markdown/stream-view';
import { parseStats } from '../../../components/markdown/parse/parse';
import { randomChunks, renderOnce, renderStreamed, tokens } from './support/dom';

const REPLY = [
  '# Plan',
  '',
  'Here is **bold** and `code`, then a list:',
  '',
  '1. first item',
  '2. second item',
  '',
  '   continued paragraph of the second item',
  '',
  '3. third',
  '',
  '| Col A | Col B |',
  '|:------|------:|',
  '| 1 | two |',
  '| 3 | four |',
  '',
  '```python',
  'def f(x):',
  '',
  '    return x * 2  # blank line above stays inside',
  '```',
  'Right after the fence, a paragraph.',
  '',
  '~~~',
  'tilde fence with ``` inside',
  '~~~',
  '',
  '> quote line',
  '> more',
  '',
  '- [x] done',
  '- [ ] todo',
  '',
  'Final words with a [link](https://example.com) and an image ![i](https://img.example/x.png).',
].join('\n');

// The highlighter loads lazily in the panel; tests want colors at once.
beforeAll(() => loadHighlighter());

describe('streaming equals rendering at once', () => {
  it('token by token', () => {
    expect(renderStreamed(tokens(REPLY)).innerHTML).toBe(renderOnce(REPLY).innerHTML);
  });

  it('character by character (fences, table rows and list markers split everywhere)', () => {
    expect(renderStreamed([...REPLY]).innerHTML).toBe(renderOnce(REPLY).innerHTML);
  });

  it.each([1, 2, 3, 4, 5, 6, 7, 8])('random chunks, seed %i', (seed) => {
    expect(renderStreamed(randomChunks(REPLY, seed)).innerHTML).toBe(renderOnce(REPLY).innerHTML);
  });

  it('with an unclosed fence at the end', () => {
    const text = 'Intro\n\n```bash\necho hi\n\necho there';
    expect(renderStreamed(randomChunks(text, 9, 3)).innerHTML).toBe(renderOnce(text).innerHTML);
    expect(renderOnce(text).querySelector('code')?.textContent).toBe('echo hi\n\necho there\n');
  });

  it('with Windows line endings', () => {
    const text = REPLY.replaceAll('\n', '\r\n');
    expect(renderStreamed(randomChunks(text, 4)).innerHTML).toBe(renderOnce(text).innerHTML);
  });
});

describe('while streaming', () => {
  let root: HTMLElement;
  let view: MarkdownStreamView;
  beforeEach(() => {
    root = document.createElement('div');
    view = new MarkdownStreamView(root);
  });

  it('shows an open fence as a code block so far, without its partial closing line', () => {
    view.update('Look:\n\n```py\nprint(1)\n\nprint(2)\n``');
    const code = root.querySelector('.md-code code');
    expect(code?.textContent).toBe('print(1)\n\nprint(2)\n');
    expect(root.querySelector('.md-code-lang')?.textContent).toBe('py');
    view.update('`\nafter');
    expect(root.querySelectorAll('.md-code')).toHaveLength(1);
    expect(root.querySelector('.md-code code')?.textContent).toBe('print(1)\n\nprint(2)\n');
    expect(root.lastElementChild?.textContent).toContain('after');
  });

  it('renders a half table sensibly: the header row first, rows as they come', () => {
    view.update('| a | b |\n|---|---|\n| 1 |');
    expect([...root.querySelectorAll('th')].map((t) => t.textContent)).toEqual(['a', 'b']);
    expect(root.querySelector('td')?.textContent).toBe('1');
  });

  it('never touches a finished block again', () => {
    const blocks = () => [...root.querySelectorAll('.md-block')];
    view.update('First paragraph.\n\nSecond paragraph.\n\nThi');
    const first = blocks()[0];
    const firstP = first?.firstElementChild;
    expect(firstP?.textContent).toBe('First paragraph.');
    view.update('rd grows');
    view.update(' more\n\nFourth');
    expect(blocks()[0]).toBe(first);
    expect(first?.firstElementChild).toBe(firstP);
    // "Fourth" is an unfinished line, so it still shares the growing block with "Third".
    expect(blocks().map((c) => c.textContent?.trim())).toEqual(['First paragraph.', 'Second paragraph.', 'Third grows more\nFourth']);
  });

  it('groups blocks in chunks; only full chunks may skip rendering out of view', () => {
    const count = CHUNK_BLOCKS * 2 + 5;
    for (let i = 0; i < count; i++) view.update(`Paragraph ${i}.\n\n`);
    view.end();
    const chunks = [...root.children];
    expect(chunks.every((c) => c.className.startsWith('md-chunk'))).toBe(true);
    expect(chunks.map((c) => c.querySelectorAll(':scope > .md-block').length)).toEqual([CHUNK_BLOCKS, CHUNK_BLOCKS, 5]);
    expect(chunks.map((c) => c.classList.contains('md-chunk-full'))).toEqual([true, true, false]);
    expect(root.querySelectorAll('.md-block')[count - 1]?.textContent?.trim()).toBe(`Paragraph ${count - 1}.`);
  });

  it('streams a fence by appending, with no parsing until it closes', () => {
    view.update('```js\n');
    parseStats.calls = 0;
    for (let i = 0; i < 200; i++) view.update(`line(${i});\n`);
    expect(parseStats.calls).toBe(0);
    expect(root.querySelector('code')?.textContent?.split('\n')).toHaveLength(201);
    view.update('```\n');
    expect(parseStats.calls).toBe(1);
    expect(root.querySelector('code .hljs-title')).not.toBeNull();
  });

  it('past the budget, new text still shows at once, as text', () => {
    const words = tokens('A long paragraph '.repeat(300));
    for (const w of words) view.update(w);
    const shown = root.textContent?.replace(/\s+/g, ' ').trim();
    expect(shown).toBe('A long paragraph '.repeat(300).trim());
  });
});
