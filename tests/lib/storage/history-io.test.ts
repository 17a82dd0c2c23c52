import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { pauseLocalChanges, watchLocal } from '../../../lib/storage/changes';
import { followIndex, watchIndexShards } from '../../../lib/storage/history-io';
import type { ConversationSummary } from '../../../lib/history/summary';
import { shardOf } from '../../../lib/history/summary';

const s = (id: string, day: number): ConversationSummary => ({
  id,
  title: id,
  model: 'm',
  created_at: 'c',
  updated_at: `2026-01-${String(day).padStart(2, '0')}T00:00:00.000Z`,
  messageCount: 1,
});
const shardKey = (id: string) => `ollama_chat_index:${shardOf(id)}`;
// Ids in two different shards.
const [A, B] = (() => {
  const first = 'conv-a';
  let i = 0;
  while (shardOf(`conv-b${i}`) === shardOf(first)) i++;
  return [first, `conv-b${i}`];
})() as [string, string];

describe('storage change watching (one listener per page, pausable)', () => {
  beforeEach(() => fakeBrowser.reset());

  it('pausing stops every watcher hearing changes; resuming tells each to read again', async () => {
    const changed = vi.fn();
    const missed = vi.fn();
    const unwatch = watchLocal({ changed, missed });
    await fakeBrowser.storage.local.set({ a: 1 });
    expect(changed).toHaveBeenCalledTimes(1);
    const resume = pauseLocalChanges();
    expect(fakeBrowser.storage.local.onChanged.hasListeners()).toBe(false);
    await fakeBrowser.storage.local.set({ a: 2 });
    expect(changed).toHaveBeenCalledTimes(1);
    resume();
    expect(missed).toHaveBeenCalledTimes(1);
    await fakeBrowser.storage.local.set({ a: 3 });
    expect(changed).toHaveBeenCalledTimes(2);
    unwatch();
    expect(fakeBrowser.storage.local.onChanged.hasListeners()).toBe(false);
  });
});

describe('following the index from change events', () => {
  beforeEach(() => fakeBrowser.reset());

  it('reads it once, then merges each changed shard from the event, newest first', async () => {
    await fakeBrowser.storage.local.set({ [shardKey(A)]: [s(A, 1)] });
    const index = followIndex();
    expect((await index.read()).map((x) => x.id)).toEqual([A]);
    const seen: string[][] = [];
    const unwatch = index.watch((list) => seen.push(list.map((x) => x.id)));
    const get = vi.spyOn(fakeBrowser.storage.local, 'get');
    await fakeBrowser.storage.local.set({ [shardKey(B)]: [s(B, 2)] });
    await fakeBrowser.storage.local.set({ unrelated: 1 });
    expect(seen).toEqual([[B, A]]);
    expect(get).not.toHaveBeenCalled(); // no re-read of the index per change

    const resume = pauseLocalChanges();
    await fakeBrowser.storage.local.set({ [shardKey(A)]: [s(A, 3)] });
    resume();
    await vi.waitFor(() => expect(seen.at(-1)).toEqual([A, B]));
    unwatch();
  });

  it('the background hears which shards changed, and after a pause that all may have', async () => {
    const cb = vi.fn();
    const unwatch = watchIndexShards(cb);
    await fakeBrowser.storage.local.set({ [shardKey(A)]: [s(A, 1)], other: 1 });
    expect(cb).toHaveBeenLastCalledWith({ [shardKey(A)]: [s(A, 1)] });
    pauseLocalChanges()();
    expect(Object.keys(cb.mock.lastCall?.[0] ?? {})).toHaveLength(16);
    unwatch();
  });
});
