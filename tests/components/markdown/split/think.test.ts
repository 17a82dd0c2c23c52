import { describe, expect, it } from 'vitest';
import { splitThink, ThinkStream } from '../../../../components/markdown/split/think';

function streamed(text: string, size: number) {
  const s = new ThinkStream();
  let thinking = '';
  let answer = '';
  for (let i = 0; i < text.length; i += size) {
    const d = s.push(text.slice(i, i + size));
    thinking += d.thinking;
    answer += d.answer;
  }
  const d = s.finish();
  return { thinking: thinking + d.thinking, answer: answer + d.answer };
}

describe('splitThink', () => {
  it('moves a leading <think> block out of the answer', () => {
    expect(splitThink('<think>\nHmm, let me see.\n</think>\n\nThe answer is **42**.', true)).toEqual({
      thinking: '\nHmm, let me see.\n',
      answer: 'The answer is **42**.',
      thinkingOpen: false,
    });
  });

  it('handles a <think> that is not closed yet', () => {
    expect(splitThink('  <think>still going')).toEqual({ thinking: 'still going', answer: '', thinkingOpen: true });
  });

  it('holds back text that may still become a tag', () => {
    expect(splitThink('<thi')).toEqual({ thinking: '', answer: '', thinkingOpen: false });
    expect(splitThink('<think>abc</thi')).toEqual({ thinking: 'abc', answer: '', thinkingOpen: true });
    expect(splitThink('<thi', true).answer).toBe('<thi');
  });

  it('leaves text without a leading <think> alone', () => {
    expect(splitThink('Hello <think>not reasoning</think>', true)).toEqual({ thinking: '', answer: 'Hello <think>not reasoning</think>', thinkingOpen: false });
    expect(splitThink('<b>bold</b>', true).answer).toBe('<b>bold</b>');
    expect(splitThink('    indented code', true).answer).toBe('    indented code');
  });

  it('keeps the indentation of the answer’s first line after </think>', () => {
    expect(splitThink('<think>x</think>\n\n    code', true).answer).toBe('    code');
  });

  it.each([1, 2, 3, 5, 8])('gives the same split when streamed in %i-character pieces', (size) => {
    const text = ' <think>reason </thinking> about </th it</think>\n\n## Answer\n\n<think>more</think>';
    const whole = splitThink(text, true);
    expect(whole).toMatchObject({ thinking: 'reason </thinking> about </th it\n\nmore', answer: '## Answer\n\n' });
    expect(streamed(text, size)).toEqual({ thinking: whole.thinking, answer: whole.answer });
  });

  it('reports thinkingOpen while inside the tag only', () => {
    const s = new ThinkStream();
    s.push('<think>');
    expect(s.thinkingOpen).toBe(true);
    s.push('a</think>b');
    expect(s.thinkingOpen).toBe(false);
  });
});

describe('splitThink later in the content', () => {
  it('moves a <think> block at the start of a later line out, keeping the paragraphs apart', () => {
    expect(splitThink('Sure, let me check.\n<think>hmm</think>\nIt is **42**.', true)).toEqual({
      thinking: 'hmm',
      answer: 'Sure, let me check.\n\nIt is **42**.',
      thinkingOpen: false,
    });
    // Already a blank line before it: no second one.
    expect(splitThink('Intro.\n\n<think>hmm</think>\n\n\nMore.', true).answer).toBe('Intro.\n\nMore.');
    expect(splitThink('Intro.\n<think>hmm</think>', true).answer).toBe('Intro.\n');
  });

  it('recognises an indented <think>', () => {
    expect(splitThink('Intro.\n  \t<think>hmm</think>\nMore.', true)).toMatchObject({ thinking: 'hmm', answer: 'Intro.\n\nMore.' });
  });

  it('leaves a <think> in the middle of a line as answer text', () => {
    const text = 'Intro.\nUse the <think> tag like <think>this</think>.';
    expect(splitThink(text, true)).toEqual({ thinking: '', answer: text, thinkingOpen: false });
    expect(splitThink('Intro.\n<thinking>no</thinking>', true).answer).toBe('Intro.\n<thinking>no</thinking>');
  });

  it.each(['```', '~~~', '````xml', '  ~~~~'])('leaves a <think> inside a %s fence as answer, not after it closes', (open) => {
    const close = open.trim().replace(/[a-z]+$/, '');
    const code = `${open}\n<think>code</think>\n  <think>\n${close === '```' ? '~~~' : '```'}\n<think>still code\n`;
    const text = `Look:\n${code}${close}\n<think>real</think>\nDone.`;
    expect(splitThink(text, true)).toEqual({ thinking: 'real', answer: `Look:\n${code}${close}\n\nDone.`, thinkingOpen: false });
  });

  it('does not take an indented or backtick-laden line for a fence', () => {
    expect(splitThink('    ```\n<think>a</think>\nb', true).thinking).toBe('a');
    expect(splitThink('``` x`y\n<think>a</think>\nb', true).thinking).toBe('a');
    expect(splitThink('```\n``` x\n<think>a</think>\n```\n<think>b</think>', true).thinking).toBe('b');
  });

  it('joins two thinking blocks with a blank line', () => {
    expect(splitThink('<think>first</think>\n\nPart one.\n<think>second</think>\n\nPart two.', true)).toEqual({
      thinking: 'first\n\nsecond',
      answer: 'Part one.\n\nPart two.',
      thinkingOpen: false,
    });
    expect(splitThink('<think></think>A\n<think>only</think>B', true)).toMatchObject({ thinking: 'only', answer: 'A\n\nB' });
    expect(splitThink('<think>a</think>\n<think>b</think>\nC', true)).toMatchObject({ thinking: 'a\n\nb', answer: 'C' });
  });

  it('treats an unclosed <think> later in the content as thinking to the end', () => {
    const s = new ThinkStream();
    expect(s.push('Answer first.\n<think>and then')).toEqual({ thinking: 'and then', answer: 'Answer first.\n' });
    expect(s.thinkingOpen).toBe(true);
    expect(s.push(' some </thi')).toEqual({ thinking: ' some ', answer: '' });
    expect(s.finish()).toEqual({ thinking: '</thi', answer: '' });
    expect(s.thinkingOpen).toBe(false);
    expect(splitThink('A\n<think>', true)).toEqual({ thinking: '', answer: 'A\n', thinkingOpen: false });
    expect(splitThink('A\n  <thi', true).answer).toBe('A\n  <thi');
  });

  it('holds back only a line start that may still become a tag', () => {
    expect(splitThink('Intro.\n  <thi')).toMatchObject({ answer: 'Intro.\n' });
    expect(splitThink('Intro.\n  x')).toMatchObject({ answer: 'Intro.\n  x' });
    expect(splitThink('```\n  <thi')).toMatchObject({ answer: '```\n  <thi' });
  });

  const replies = [
    ' <think>reason </thinking> about </th it</think>\n\n## Answer\n\n<think>more</think>',
    'Sure, let me check.\n<think>hmm\n\nok</think>\nIt is **42**.\n\n  <think>again</think>  tail\n',
    'Use the <think> tag.\n\n\t<think>x</thin</think>\n\n    code\n',
    'Look:\n```js\n<think>code</think>\n~~~\n```\n<think>real</think>\nDone.',
    '~~~~\n<think>no\n~~~\n <think>no</think>\n   ~~~~~  \n<think>yes</think>B',
    '<think>first</think>\n\nOne.\n<think>second</think>\r\n\r\nTwo.\n<think>unclosed </th',
    '\n\n  <thi\n<think>a</think><think>b</think>``` x`\n<think>c',
  ];

  it.each(replies.map((r, n) => [n, r]))('gives the one-shot split for reply %i in any chunking', (_, text) => {
    const whole = splitThink(text, true);
    let seed = 0x9e3779b9 ^ text.length;
    const random = () => {
      seed = (Math.imul(seed ^ (seed >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) | 0;
      return (seed >>> 0) / 2 ** 32;
    };
    const sizes = [1, 2, 3, 7];
    for (let run = 0; run < 200; run++) {
      const s = new ThinkStream();
      let thinking = '';
      let answer = '';
      for (let i = 0; i < text.length; ) {
        const size = run < sizes.length ? (sizes[run] ?? 1) : 1 + Math.floor(random() * 12);
        const d = s.push(text.slice(i, i + size));
        thinking += d.thinking;
        answer += d.answer;
        i += size;
      }
      const d = s.finish();
      expect({ thinking: thinking + d.thinking, answer: answer + d.answer }).toEqual({ thinking: whole.thinking, answer: whole.answer });
    }
  });
});
