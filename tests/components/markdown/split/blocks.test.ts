import { describe, expect, it } from 'vitest';
import { BlockSplitter, splitBlocks } from '../../../../components/markdown/split/blocks';

const texts = (md: string) => splitBlocks(md).map((b) => b.text);

function chunked(text: string, sizes: number[]): string[] {
  const s = new BlockSplitter();
  const out: string[] = [];
  let i = 0;
  for (let k = 0; i < text.length; k++) {
    const n = sizes[k % sizes.length] ?? 1;
    s.push(text.slice(i, i + n));
    out.push(...s.drain().map((b) => b.text));
    i += n;
  }
  s.finish();
  return [...out, ...s.drain().map((b) => b.text)];
}

const SAMPLE =
  'Intro line\nsame paragraph\n\n```ts\nconst a = 1;\n\n\nconst b = 2;\n```\nafter fence\n\n- a\n- b\n\n  indented continuation\n\n- c\n\nend\n\n    indented code\n\n    more code\n\nlast';

describe('BlockSplitter', () => {
  it('splits at blank lines', () => {
    expect(texts('one\ntwo\n\nthree\n\n\nfour')).toEqual(['one\ntwo\n\n', 'three\n\n\n', 'four']);
  });

  it('keeps a fenced code block whole, blank lines included, and closes it at its fence', () => {
    const blocks = splitBlocks('text\n```py\na\n\n\nb\n```\nnext');
    expect(blocks.map((b) => b.text)).toEqual(['text\n', '```py\na\n\n\nb\n```\n', 'next']);
    expect(blocks[1]?.fence).toEqual({ lang: 'py', headLength: '```py\n'.length });
    expect(blocks[0]?.fence).toBeNull();
  });

  it('needs a closing fence of the same kind and at least the same length', () => {
    expect(texts('````\n```\nstill code\n\n~~~\n````\nout')).toEqual(['````\n```\nstill code\n\n~~~\n````\n', 'out']);
  });

  it('does not take an inline code span with backticks for a fence', () => {
    expect(texts('```not a fence```\n\npara')).toEqual(['```not a fence```\n\n', 'para']);
  });

  it('keeps a list together across blank lines, items and indented paragraphs', () => {
    expect(texts('1. a\n\n   more a\n\n2. b\n\n- c\n\nplain')).toEqual(['1. a\n\n   more a\n\n2. b\n\n- c\n\n', 'plain']);
  });

  it('keeps a fence nested in a list item inside the list, blank lines and all', () => {
    expect(texts('- item\n\n  ```\n  x\n\n  y\n  ```\n\nafter')).toEqual(['- item\n\n  ```\n  x\n\n  y\n  ```\n\n', 'after']);
  });

  it('keeps an indented code block with blank lines together', () => {
    expect(texts('    a\n\n    b\n\nc')).toEqual(['    a\n\n    b\n\n', 'c']);
  });

  it('keeps a table (no blank lines) as one block', () => {
    expect(texts('| a | b |\n|---|---|\n| 1 | 2 |\n\nafter')).toEqual(['| a | b |\n|---|---|\n| 1 | 2 |\n\n', 'after']);
  });

  it('an unclosed fence runs to the end', () => {
    expect(texts('```\ncode\n\nstill')).toEqual(['```\ncode\n\nstill']);
  });

  it('closes nothing until a later complete line proves it', () => {
    const s = new BlockSplitter();
    s.push('para\n\nnext');
    expect(s.drain()).toEqual([]);
    expect(s.openText).toBe('para\n\nnext');
    s.push(' line\n');
    expect(s.drain().map((b) => b.text)).toEqual(['para\n\n']);
    expect(s.openText).toBe('next line\n');
  });

  it('reports the open fence and its unfinished last line', () => {
    const s = new BlockSplitter();
    s.push('```go\nfunc main() {}\n``');
    expect(s.openFence).toEqual({ lang: 'go', headLength: 6 });
    expect(s.partialLine).toBe('``');
    s.push('`');
    expect(s.drain()).toEqual([]);
    s.push('\n');
    expect(s.drain().map((b) => b.fence?.lang)).toEqual(['go']);
    expect(s.openFence).toBeNull();
  });

  it('whitespace-only text makes no block', () => {
    expect(texts('\n\n  \n')).toEqual([]);
    const s = new BlockSplitter();
    s.push('   ');
    expect(s.openHasContent).toBe(false);
  });

  it.each([[[1]], [[2, 3]], [[5, 1, 7]], [[13]], [[1000]]])('gives the same blocks however the text is chunked (%j)', (sizes) => {
    expect(chunked(SAMPLE, sizes)).toEqual(texts(SAMPLE));
  });

  it('loses and reorders nothing', () => {
    expect(texts(SAMPLE).join('')).toBe(SAMPLE);
  });
});
