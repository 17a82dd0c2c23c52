import { Lexer } from 'marked';
import { describe, expect, it } from 'vitest';
import { markdownToHtml } from '../../../../components/markdown/parse/parse';
import { renewMarkedPatterns } from '../../../../components/markdown/parse/patterns';

const SAMPLE = [
  '# Title',
  '',
  'Some **bold** and _em_ text with `code`, a [link](https://example.com) and www.example.org.',
  '',
  '- one',
  '- two',
  '  1. nested',
  '',
  '> a quote',
  '',
  '| a | b |',
  '|---|:-:|',
  '| 1 | 2 |',
  '',
  '```ts',
  'const x = 1;',
  '```',
  '',
  '<span>kept</span> <head> shown',
].join('\n');

const allRules = () =>
  Object.values(Lexer.rules as unknown as Record<string, Record<string, Record<string, unknown>>>).flatMap((group) =>
    Object.values(group).flatMap((set) => Object.entries(set).filter((e): e is [string, RegExp] => e[1] instanceof RegExp)),
  );

describe('renewMarkedPatterns', () => {
  it('replaces every rule with a fresh RegExp of the same source and flags', () => {
    const before = allRules();
    const renewed = renewMarkedPatterns();
    const after = allRules();
    // marked 18 has about 50 distinct patterns; a change of its rule layout must not go unnoticed.
    expect(renewed).toBeGreaterThan(40);
    expect(after).toHaveLength(before.length);
    after.forEach(([key, re], i) => {
      const [oldKey, old] = before[i] as [string, RegExp];
      expect(key).toBe(oldKey);
      expect(re).not.toBe(old);
      expect(re.source).toBe(old.source);
      expect(re.flags).toBe(old.flags);
    });
  });

  it('keeps rules shared between variants shared', () => {
    renewMarkedPatterns();
    const rules = Lexer.rules as unknown as { inline: Record<string, Record<string, unknown>> };
    expect(rules.inline.gfm?.escape).toBe(rules.inline.breaks?.escape);
  });

  it('parses the same before and after', () => {
    const first = markdownToHtml(SAMPLE);
    renewMarkedPatterns();
    expect(markdownToHtml(SAMPLE)).toBe(first);
    renewMarkedPatterns();
    expect(markdownToHtml(SAMPLE)).toBe(first);
  });
});
