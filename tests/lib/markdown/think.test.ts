import { describe, expect, it } from 'vitest';
import { splitThink, ThinkStream } from '../../../lib/markdown/think';

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
    const text = ' <think>reason </thinking> about </th it</think>\n\n## Answer\n\n<think>stays</think>';
    const whole = splitThink(text, true);
    expect(whole.thinking).toBe('reason </thinking> about </th it');
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
