// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { type ConversationSummary, INDEX_SHARDS, mergeNewestFirst, searchConversations, shardOf, sortSummaries, summarize } from '../../../lib/history/summary';

describe('history index', () => {
  it('spreads conversations over the shards, stably', () => {
    const counts = new Array(INDEX_SHARDS).fill(0);
    for (let i = 0; i < 1600; i++) counts[shardOf(`conv-${1732547012345 + i}-abc${i}`)]++;
    expect(Math.min(...counts)).toBeGreaterThan(50);
    expect(shardOf('conv-1-aaaaaaaaa')).toBe(shardOf('conv-1-aaaaaaaaa'));
  });

  it('summaries sort newest first and search reads titles and messages', () => {
    const list = [
      {
        id: 'a',
        title: 'Apples',
        model: 'm',
        created_at: 'x',
        updated_at: '2026-01-01T00:00:00Z',
        messages: [{ role: 'user' as const, content: 'RED fruit', timestamp: 't' }],
      },
      { id: 'b', title: 'Bananas', model: 'm', created_at: 'x', updated_at: '2026-01-02T00:00:00Z', messages: [] },
    ] as never[];
    expect(sortSummaries(summarize(list)).map((s) => s.id)).toEqual(['b', 'a']);
    expect(searchConversations(list, 'red')).toEqual(['a']);
    expect(searchConversations(list, 'banana')).toEqual(['b']);
  });
});

describe('sorting and merging the index', () => {
  const s = (id: string, updated_at: string): ConversationSummary => ({ id, title: id, model: 'm', created_at: updated_at, updated_at, messageCount: 1 });

  it('sorts by instant, unparseable dates last, ties in their order', () => {
    const list = [
      s('bad', 'nope'),
      s('tz', '2026-01-10T01:00:00+02:00'),
      s('late', '2026-01-10T00:00:00Z'),
      s('tie1', '2026-01-01T00:00:00Z'),
      s('tie2', '2026-01-01T00:00:00.000Z'),
    ];
    expect(sortSummaries(list).map((x) => x.id)).toEqual(['late', 'tz', 'tie1', 'tie2', 'bad']);
  });

  it('merges newest-first lists (shards) into one newest-first list, the same as sorting all', () => {
    const all = Array.from({ length: 300 }, (_, i) => s(`c${i}`, new Date(Date.UTC(2026, 0, 1) + ((i * 7919) % 1000) * 60_000).toISOString()));
    const shards = Array.from({ length: INDEX_SHARDS }, (_, n) => sortSummaries(all.filter((x) => shardOf(x.id) === n)));
    const sorted = sortSummaries(all).map((x) => x.updated_at);
    expect(mergeNewestFirst(shards).map((x) => x.updated_at)).toEqual(sorted);
    expect(new Set(mergeNewestFirst(shards))).toEqual(new Set(all));
    expect(mergeNewestFirst([[], []])).toEqual([]);
  });
});
