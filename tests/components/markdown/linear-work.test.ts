import './support/happy-dom-compat';
import { describe, expect, it } from 'vitest';
import { PREVIEW_BUDGET } from '../../../components/markdown/stream-view';
import { parseStats } from '../../../components/markdown/parse/parse';
import { randomChunks, renderStreamed, rng, tokens } from './support/dom';

/** A longer reply of many blocks, `n` tokens long. */
function longReply(n: number): string {
  const parts = [
    'Intro paragraph with *emphasis*.\n\n',
    '```js\nconst a = 1;\n\nconsole.log(a);\n```\n\n',
    '- a\n- b\n\n',
    '| x | y |\n|---|---|\n| 1 | 2 |\n\n',
  ];
  const next = rng(5);
  let text = '';
  while (tokens(text).length < n) text += parts[Math.floor(next() * parts.length)];
  return text;
}

describe('linear work', () => {
  it.each([
    ['token by token', (t: string) => tokens(t)],
    ['in 1-3 character chunks', (t: string) => randomChunks(t, 17, 3)],
  ])('a 5,000-token reply streamed %s parses at most 3x its length', (_name, cut) => {
    const text = longReply(5000);
    const pieces = cut(text);
    parseStats.calls = 0;
    parseStats.chars = 0;
    renderStreamed(pieces);
    console.info(`parsed ${(parseStats.chars / text.length).toFixed(2)}x of ${text.length} chars in ${parseStats.calls} parses`);
    expect(tokens(text).length).toBeGreaterThanOrEqual(5000);
    expect(parseStats.chars).toBeLessThanOrEqual((PREVIEW_BUDGET + 1) * text.length);
    expect(PREVIEW_BUDGET + 1).toBeLessThanOrEqual(3);
  });

  it.each([
    ['a 500-row table', `| n | square |\n|---|---|\n${Array.from({ length: 500 }, (_, i) => `| ${i} | ${i * i} |`).join('\n')}`],
    ['a 16,000-character paragraph full of emphasis', 'some *marked* words '.repeat(800)],
    ['a 16,000-character plain paragraph', 'plain words '.repeat(1300)],
  ])('one huge growing block (%s) streamed by tokens stays within 3x', (_name, text) => {
    parseStats.chars = 0;
    renderStreamed(tokens(text));
    expect(parseStats.chars).toBeLessThanOrEqual(3 * text.length);
  });
});
