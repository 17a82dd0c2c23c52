// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { INDEX_SHARDS, searchConversations, shardOf, sortSummaries, summarize } from '../../../lib/history/summary';

describe('history index', () => {
  it('spreads conversations over the shards, stably', () => {
    const counts = new Array(INDEX_SHARDS).fill(0);
    for (let i = 0; i < 1600; i++) counts[shardOf(`conv-${1732547012345 + i}-abc${i}`)]++;
    expect(Math.min(...counts)).toBeGreaterThan(50);
    expect(shardOf('conv-1-aaaaaaaaa')).toBe(shardOf('conv-1-aaaaaaaaa'));
  });

  it('summaries sort newest first and search reads titles and messages', () => {
    const list = [
      { id: 'a', title: 'Apples', model: 'm', created_at: 'x', updated_at: '2026-01-01T00:00:00Z', messages: [{ role: 'user' as const, content: 'RED fruit', timestamp: 't' }] },
      { id: 'b', title: 'Bananas', model: 'm', created_at: 'x', updated_at: '2026-01-02T00:00:00Z', messages: [] },
    ] as never[];
    expect(sortSummaries(summarize(list)).map((s) => s.id)).toEqual(['b', 'a']);
    expect(searchConversations(list, 'red')).toEqual(['a']);
    expect(searchConversations(list, 'banana')).toEqual(['b']);
  });
});
