import './support/happy-dom-compat';
import { describe, expect, it } from 'vitest';
import { MarkdownStreamView } from '../../../components/markdown/stream-view';
import { randomChunks } from './support/dom';

/** Streams `text` in one update and says where the indicator is: its parent's tag and what precedes it. */
function caretAfter(text: string) {
  const root = document.createElement('div');
  new MarkdownStreamView(root).update(text);
  const carets = root.querySelectorAll('.stream-caret');
  const caret = carets[0];
  return {
    count: carets.length,
    holder: caret?.parentElement?.localName,
    before: caret?.previousSibling?.textContent ?? '',
    last: caret?.nextSibling === null,
  };
}

describe('the streaming indicator', () => {
  it.each([
    ['a paragraph', 'Hello there', 'p', 'Hello there'],
    ['a list item', '- one\n- two and', 'li', 'two and'],
    ['a nested list item', '- one\n  - inner', 'li', 'inner'],
    ['a table cell', '| a | b |\n|---|---|\n| 1 | 2', 'td', '2'],
    ['the code of a fence', '```js\nlet x = 1;\nlet y', 'code', 'let x = 1;\nlet y'],
    ['a heading', '## Plan for', 'h2', 'Plan for'],
    ['a blockquote', '> quoted text', 'p', 'quoted text'],
  ])('sits at the end of %s as it grows', (_what, text, holder, before) => {
    const at = caretAfter(text);
    expect(at).toEqual({ count: 1, holder, before, last: true });
  });

  it('is one, whatever arrives, and gone when the answer ends', () => {
    const text = '# T\n\n1. a\n2. b\n\n| x |\n|---|\n| y |\n\n```\ncode\n```\n\n> q\n\nend';
    const root = document.createElement('div');
    const view = new MarkdownStreamView(root);
    for (const piece of randomChunks(text, 7, 5)) {
      view.update(piece);
      expect(root.querySelectorAll('.stream-caret')).toHaveLength(1);
    }
    view.end();
    expect(root.querySelector('.stream-caret')).toBeNull();
  });

  it('is hidden from screen readers and adds no text (copying never picks it up)', () => {
    const root = document.createElement('div');
    new MarkdownStreamView(root).update('```\nx');
    const caret = root.querySelector('.stream-caret');
    expect(caret?.getAttribute('aria-hidden')).toBe('true');
    expect(caret?.textContent).toBe('');
    expect(root.querySelector('code')?.textContent).toBe('x');
  });
});
