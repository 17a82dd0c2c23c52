// @vitest-environment node
import { describe, expect, it, vi } from 'vitest';
import { createHistoryOps } from '../../../lib/background/history-ops';
import { createHistoryStore } from '../../../lib/history/store';
import type { BackgroundMessage } from '../../../lib/protocol';
import { memoryIO, msg } from '../history/memory-io';

const conv = (id: string, text: string) => ({ id, title: text, model: 'm', messages: [msg('user', text)], created_at: '2026-01-01T00:00:00.000Z', updated_at: '2026-01-01T00:00:00.000Z' });

describe('history ops: the one-message import (history/import)', () => {
  it('follows the same rules as the batched import and answers in its own terms', async () => {
    const { io, state } = memoryIO();
    const store = createHistoryStore(io, vi.fn());
    await store.restore(conv('a', 'local') as never);
    const ops = createHistoryOps(store);
    const got: BackgroundMessage[] = [];
    await ops.importMany([conv('a', 'imported'), conv('b', 'new')], (m) => got.push(m));
    expect(got).toEqual([{ type: 'history/done', action: 'import', message: expect.stringMatching(/^Imported: 1 new conversation, 1 kept as copies/) }]);
    expect(state.convs.size).toBe(3);

    await ops.importMany({ not: 'an array' }, (m) => got.push(m));
    await ops.importMany([{ id: 'x' }], (m) => got.push(m));
    expect(got.slice(1)).toEqual([
      { type: 'history/problem', message: 'Import failed, nothing changed: expected a JSON array of conversations' },
      { type: 'history/problem', message: 'Import failed, nothing changed: Item 1: title must be a string, got nothing (the field is missing)' },
    ]);
    expect(state.convs.size).toBe(3);
  });
});
