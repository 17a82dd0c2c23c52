// @vitest-environment node
import { describe, expect, it, vi } from 'vitest';
import { createHistoryOps } from '../../../lib/background/history-ops';
import { createHistoryStore } from '../../../lib/history/store';
import type { BackgroundMessage } from '../../../lib/protocol';
import { memoryIO, msg } from '../history/memory-io';

const conv = {
  id: 'conv-1-aaaaaaaaa',
  title: 'q',
  model: 'm',
  messages: [msg('user', 'q'), { ...msg('assistant', 'second'), versions: [{ content: 'first', timestamp: 't' }] }],
  created_at: '2026-01-01T00:00:00.000Z',
  updated_at: '2026-01-01T00:00:00.000Z',
};

async function setup(answering: (id: string) => null | [] = () => null) {
  const store = createHistoryStore(memoryIO().io, vi.fn());
  await store.restore(conv as never);
  const got: BackgroundMessage[] = [];
  return { store, got, ops: createHistoryOps(store, answering), post: (m: BackgroundMessage) => got.push(m) };
}

describe('history ops: switch version', () => {
  it('saves the chosen version onto the stored copy the panel read', async () => {
    const { store, ops, got, post } = await setup();
    await ops.switchVersion({ id: conv.id, base: conv.updated_at, at: 1, to: 0 }, post);
    const saved = await store.get(conv.id);
    expect(saved?.messages[1]).toMatchObject({ content: 'first', version: 0, versions: [{ content: 'second' }] });
    expect(saved?.updated_at).not.toBe(conv.updated_at);
    expect(got).toEqual([]);
  });

  it('refuses a panel whose copy is older, and a conversation still answering: nothing changes', async () => {
    const stale = await setup();
    await stale.ops.switchVersion({ id: conv.id, base: '2025-01-01T00:00:00.000Z', at: 1, to: 0 }, stale.post);
    expect((await stale.store.get(conv.id))?.messages[1]?.content).toBe('second');
    expect(stale.got[0]).toMatchObject({ type: 'history/problem' });
    const busy = await setup(() => []);
    await busy.ops.switchVersion({ id: conv.id, base: conv.updated_at, at: 1, to: 0 }, busy.post);
    expect((await busy.store.get(conv.id))?.messages[1]?.content).toBe('second');
    expect(busy.got[0]).toMatchObject({ type: 'history/problem', message: expect.stringContaining('still answering') });
  });
});
