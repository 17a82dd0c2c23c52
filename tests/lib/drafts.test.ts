import { describe, expect, it } from 'vitest';
import { DRAFTS_MAX, type Draft, findDraft, sanitizeDrafts, withDrafts } from '../../lib/drafts';

const draft = (conversation: string | null, updatedAt: number, more: Partial<Draft> = {}): Draft => ({
  conversation,
  text: `t-${conversation}`,
  updatedAt,
  ...more,
});

describe('sanitizeDrafts', () => {
  it('reads anything that is not a list as no drafts, never throws', () => {
    for (const bad of [undefined, null, 'x', 3, { a: 1 }, true]) expect(sanitizeDrafts(bad)).toEqual([]);
  });

  it('drops damaged entries and keeps the good ones, newest first', () => {
    const good = [draft('a', 1), draft(null, 3), draft('b', 2, { text: '', system: '' })];
    const bad = [
      null,
      'text',
      [],
      { conversation: 'c', text: 4, updatedAt: 1 },
      { conversation: '', text: 'x', updatedAt: 1 },
      { conversation: 5, text: 'x', updatedAt: 1 },
      { conversation: 'c', text: 'x', system: 7, updatedAt: 1 },
      { conversation: 'c', text: 'x', updatedAt: Number.NaN },
      { conversation: 'c', text: 'x', updatedAt: '1' },
      { conversation: 'c', text: 'x' },
      // Nothing typed in it: not worth keeping.
      { conversation: 'c', text: '', updatedAt: 1 },
    ];
    expect(sanitizeDrafts([...bad, ...good])).toEqual([draft(null, 3), draft('b', 2, { text: '', system: '' }), draft('a', 1)]);
  });

  it('keeps one draft per conversation (the newest) and only the newest DRAFTS_MAX', () => {
    const many = Array.from({ length: DRAFTS_MAX + 10 }, (_, i) => draft(`c${i}`, i));
    const read = sanitizeDrafts([...many, draft('c0', 1000, { text: 'newer' })]);
    expect(read).toHaveLength(DRAFTS_MAX);
    expect(read[0]).toEqual(draft('c0', 1000, { text: 'newer' }));
    expect(read.filter((d) => d.conversation === 'c0')).toHaveLength(1);
    expect(read.some((d) => d.conversation === 'c1')).toBe(false);
    expect(read.at(-1)?.conversation).toBe(`c${DRAFTS_MAX + 10 - DRAFTS_MAX + 1}`);
  });

  it('drops extra fields', () => {
    expect(sanitizeDrafts([{ ...draft('a', 1), extra: 'x' }])).toEqual([draft('a', 1)]);
  });
});

describe('withDrafts', () => {
  it('replaces, removes and adds drafts by conversation, leaving the others', () => {
    const list = [draft('a', 1), draft('b', 2), draft(null, 3)];
    const next = withDrafts(
      list,
      new Map([
        ['a', draft('a', 5, { text: 'new' })],
        [null, null],
        ['c', { conversation: 'c', text: '', updatedAt: 6 }],
      ]),
    );
    expect(next).toEqual([draft('a', 5, { text: 'new' }), draft('b', 2)]);
    expect(findDraft(next, 'a')?.text).toBe('new');
    expect(findDraft(next, null)).toBeUndefined();
  });

  it('stays capped as drafts are added', () => {
    let list: Draft[] = [];
    for (let i = 0; i < DRAFTS_MAX + 5; i++) list = withDrafts(list, new Map([[`c${i}`, draft(`c${i}`, i)]]));
    expect(list).toHaveLength(DRAFTS_MAX);
    expect(findDraft(list, `c${DRAFTS_MAX + 4}`)).toBeDefined();
    expect(findDraft(list, 'c4')).toBeUndefined();
  });
});
