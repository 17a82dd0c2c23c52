// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type { Conversation } from '../../../lib/conversations/contract';
import { approxBytes, quotaLevel, utf8Length } from '../../../lib/conversations/size';
import { conv, ORIGINAL_DUMP, user } from './helpers';

describe('approxBytes', () => {
  it('is the UTF-8 size of the JSON', () => {
    const dump = JSON.parse(ORIGINAL_DUMP) as Conversation[];
    expect(approxBytes(dump)).toBe(Buffer.byteLength(JSON.stringify(dump), 'utf8'));
    expect(approxBytes(dump)).toBeGreaterThan(JSON.stringify(dump).length); // multi-byte text
    expect(approxBytes([])).toBe(2);
  });

  it('counts emoji as 4 bytes and accented letters as 2', () => {
    const list = [conv('a', '2026-01-01T00:00:00Z', { messages: [user('é😀€')] })];
    expect(approxBytes(list)).toBe(new TextEncoder().encode(JSON.stringify(list)).length);
  });

  it.each(['', 'ascii', 'é', '€', '😀', 'a😀b', '\uD83D', '\uDE00x', 'x\uD83Dy', '日本語'])('utf8Length agrees with TextEncoder for %j', (s) =>
    expect(utf8Length(s)).toBe(new TextEncoder().encode(s).length),
  );
});

describe('quotaLevel', () => {
  it.each<[number, number | null, 'ok' | 'near' | 'full']>([
    [0, 1000, 'ok'],
    [899, 1000, 'ok'],
    [900, 1000, 'near'],
    [979, 1000, 'near'],
    [980, 1000, 'full'],
    [1500, 1000, 'full'],
    [10 ** 12, null, 'ok'],
    [10 ** 12, Number.POSITIVE_INFINITY, 'ok'],
    [0, 0, 'full'],
  ])('%d of %s bytes is %s', (used, quota, level) => expect(quotaLevel(used, quota)).toBe(level));
});
