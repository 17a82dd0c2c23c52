// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { importedCopy, mergeImport, sameContent } from '../../../lib/conversations/merge';
import { parseConversationsJson } from '../../../lib/conversations/validate';
import { assistant, conv, deepFreeze, ORIGINAL_DUMP, user } from './helpers';

const ids = (list: { id: string }[]) => list.map((c) => c.id);

describe('mergeImport', () => {
  const existing = deepFreeze([conv('a', '2026-01-10T00:00:00Z'), conv('b', '2026-01-05T00:00:00Z')]);

  it('adds new ids and sorts the result newest first', () => {
    const r = mergeImport(existing, [conv('c', '2026-01-07T00:00:00Z'), conv('d', '2026-01-01T00:00:00Z')]);
    expect(r).toMatchObject({ added: 2, updated: 0, unchanged: 0 });
    expect(ids(r.list)).toEqual(['a', 'c', 'b', 'd']);
  });

  it('replaces a known id when the import is strictly newer, whole, without merging messages', () => {
    const newer = conv('b', '2026-01-20T00:00:00Z', { messages: [user('replaced')] });
    const r = mergeImport(existing, [newer]);
    expect(r).toMatchObject({ added: 0, updated: 1, unchanged: 0 });
    expect(r.list[0]).toBe(newer);
    expect(r.list[0]?.messages).toEqual([user('replaced')]);
    expect(r.list).toHaveLength(2);
  });

  it('keeps ours when the import is older or equally new (counted as unchanged)', () => {
    const older = conv('a', '2026-01-09T00:00:00Z', { title: 'older' });
    const same = conv('b', '2026-01-05T00:00:00.000Z', { title: 'same time, other content' });
    const r = mergeImport(existing, [older, same]);
    expect(r).toMatchObject({ added: 0, updated: 0, unchanged: 2 });
    expect(r.list).toEqual([existing[0], existing[1]]);
    expect(r.list[1]).toBe(existing[1]);
  });

  it('compares instants, not strings', () => {
    // 2026-01-10T01:00+02:00 is 2026-01-09T23:00Z: older than ours despite sorting after it as text.
    const r = mergeImport(existing, [conv('a', '2026-01-10T01:00:00+02:00', { title: 'tz' })]);
    expect(r).toMatchObject({ updated: 0, unchanged: 1 });
  });

  it('lets a valid date beat an unparseable one, never the other way round', () => {
    const broken = [conv('x', 'not a date')];
    expect(mergeImport(broken, [conv('x', '2020-01-01T00:00:00Z')]).updated).toBe(1);
    expect(mergeImport([conv('x', '2020-01-01T00:00:00Z')], [conv('x', 'garbage')]).unchanged).toBe(1);
  });

  it('is idempotent: importing the same file twice changes nothing the second time', () => {
    const incoming = [conv('b', '2026-01-06T00:00:00Z', { messages: [user('q'), assistant('new')] }), conv('n', '2026-01-02T00:00:00Z')];
    const first = mergeImport(existing, incoming);
    expect(first).toMatchObject({ added: 1, updated: 1, unchanged: 0 });
    const second = mergeImport(first.list, incoming);
    expect(second).toMatchObject({ added: 0, updated: 0, unchanged: 2 });
    expect(second.list).toEqual(first.list);
  });

  it('imports the original app dump into an empty history, then again as a no-op', () => {
    const parsed = parseConversationsJson(ORIGINAL_DUMP);
    if (!parsed.ok) throw new Error(parsed.error);
    const first = mergeImport([], parsed.conversations);
    expect(first).toMatchObject({ added: 3, updated: 0, unchanged: 0 });
    expect(first.list).toEqual(JSON.parse(ORIGINAL_DUMP));
    expect(mergeImport(first.list, parsed.conversations)).toMatchObject({ added: 0, updated: 0, unchanged: 3 });
  });

  it('does not mutate its inputs (they are frozen here)', () => {
    const incoming = deepFreeze([conv('a', '2027-01-01T00:00:00Z')]);
    expect(() => mergeImport(existing, incoming)).not.toThrow();
    expect(ids(existing)).toEqual(['a', 'b']);
  });
});

describe('sameContent', () => {
  it('compares JSON values whole, key order aside', () => {
    const a = conv('a', '2026-01-01T00:00:00Z', { extra: { x: [1, 2] } } as never);
    const { updated_at, ...rest } = a;
    const reordered = JSON.parse(JSON.stringify({ updated_at, ...rest })); // another key order
    expect(sameContent(a, reordered)).toBe(true);
    expect(sameContent(a, { ...a, messages: [...a.messages, user('one more')] })).toBe(false);
    expect(sameContent(a, { ...a, extra: { x: [2, 1] } })).toBe(false);
    expect(sameContent(a, { ...a, more: 1 })).toBe(false);
    expect(sameContent([1], { 0: 1 })).toBe(false);
    expect(sameContent(null, {})).toBe(false);
  });
});

describe('importedCopy', () => {
  const c = deepFreeze(conv('conv-1-aaaaaaaaa', '2026-01-01T00:00:00Z', { created_at: '2025-12-31T23:00:00.000Z' }));

  it('keeps everything but the id, marks the title, and uses our id format with the created_at time', () => {
    const copy = importedCopy(c);
    expect(copy).toEqual({ ...c, id: copy.id, title: 'Title of conv-1-aaaaaaaaa (imported)' });
    expect(copy.id).toMatch(new RegExp(`^conv-${Date.parse(c.created_at)}-[0-9a-z]{9}$`));
  });

  it('derives the id from the content: the same conversation gets the same copy, another attempt or content another id', () => {
    expect(importedCopy(c).id).toBe(importedCopy(structuredClone(c)).id);
    expect(importedCopy(c, 1).id).not.toBe(importedCopy(c).id);
    expect(importedCopy({ ...c, title: 'other' }).id).not.toBe(importedCopy(c).id);
  });
});
