// @vitest-environment node
import { describe, expect, it, vi } from 'vitest';
import { createHistoryOps } from '../../../lib/background/history-ops';
import { createHistoryStore } from '../../../lib/history/store';
import type { BackgroundMessage } from '../../../lib/protocol';
import { memoryIO, msg } from '../history/memory-io';

const question = msg('user', 'q');
const checkpoint = { ...msg('assistant', 'half an ans'), status: 'interrupted' as const };
const conv = {
  id: 'conv-1-aaaaaaaaa',
  title: 'q',
  model: 'm',
  messages: [question, checkpoint],
  created_at: '2026-01-01T00:00:00.000Z',
  updated_at: '2026-01-01T00:00:00.000Z',
};

describe('history ops: get', () => {
  it('while its reply streams, a conversation comes without the "interrupted" checkpoint (the panel joins the live reply)', async () => {
    const store = createHistoryStore(memoryIO().io, vi.fn());
    await store.restore(conv as never);
    let live: (typeof question)[] | null = [question];
    const ops = createHistoryOps(store, () => live);
    const got: BackgroundMessage[] = [];
    await ops.get(conv.id, (m) => got.push(m));
    expect(got[0]).toMatchObject({ type: 'history/conversation', conversation: { messages: [question] } });

    live = null; // the reply ended: the stored copy as it is
    await ops.get(conv.id, (m) => got.push(m));
    expect(got[1]).toMatchObject({ conversation: { messages: [question, checkpoint] } });
    await ops.get('conv-2-bbbbbbbbb', (m) => got.push(m));
    expect(got[2]).toEqual({ type: 'history/conversation', id: 'conv-2-bbbbbbbbb', conversation: null });
  });
});
