import { Lexer } from 'marked';
import { describe, expect, it } from 'vitest';
import { markdownToHtml } from '../../../../components/markdown/parse/parse';
import { markedSource, renewMarkedPatterns } from '../../../../components/markdown/parse/patterns';

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
  it('replaces every rule with a fresh RegExp of marked’s source and flags, behind a prefix new each time', () => {
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
      expect(markedSource(re)).toBe(markedSource(old));
      expect(re.flags).toBe(old.flags);
      // Never a source seen before: V8's pattern cache must not hand back the old compiled code.
      expect(re.source).not.toBe(old.source);
      expect(re.source).toMatch(/^\(\?=\|\d+\)/);
    });
    // The prefix does not pile up over renewals.
    renewMarkedPatterns();
    const [, again] = allRules()[0] as [string, RegExp];
    expect(again.source.length - markedSource(again).length).toBeLessThan(12);
  });

  it('the prefix changes no match: the same matches, groups and indices on marked’s own kinds of input', () => {
    renewMarkedPatterns();
    for (const [, re] of allRules()) {
      const plain = new RegExp(markedSource(re), re.flags);
      for (const input of SAMPLE.split('\n\n').concat([SAMPLE, '', '  x', '\n\n- a\n'])) {
        plain.lastIndex = 0;
        re.lastIndex = 0;
        const a = plain.exec(input);
        const b = re.exec(input);
        expect(b?.index, `${plain} on ${JSON.stringify(input)}`).toBe(a?.index);
        expect(b ? [...b] : null).toEqual(a ? [...a] : null);
      }
    }
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
