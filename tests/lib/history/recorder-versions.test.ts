// @vitest-environment node
import { describe, expect, it, vi } from 'vitest';
import type { ConversationDraft } from '../../../lib/conversations/contract';
import { createRecorder } from '../../../lib/history/recorder';
import type { HistoryStore } from '../../../lib/history/store';

function fakeStore() {
  const saves: ConversationDraft[] = [];
  const store = {
    save: vi.fn(async (d: ConversationDraft) => {
      saves.push(structuredClone(d));
      return { ...d, updated_at: `v${saves.length}` } as never;
    }),
  } as unknown as HistoryStore;
  return { store, saves };
}

const history = [{ role: 'user' as const, content: 'q', timestamp: '2026-01-01T00:00:00.000Z' }];
const versions = [{ content: 'first answer', timestamp: '2026-01-01T00:00:01.000Z' }];
const start = (store: HistoryStore) =>
  createRecorder({ store, conversation: { id: 'conv-1-aaaaaaaaa' }, model: 'm', history, versions, onProblem: vi.fn(), now: () => 0 });

describe('recorder: a regenerated reply', () => {
  it('is saved as the newest version: the earlier replies ride on it', async () => {
    const { store, saves } = fakeStore();
    const r = start(store);
    await r.begin(null);
    await r.finish('done', 'second answer', '');
    expect(saves.at(-1)?.messages).toEqual([...history, { role: 'assistant', content: 'second answer', timestamp: expect.any(String), versions }]);
  });

  it('never leaves the earlier replies unsaved: an empty placeholder holds them from the start, and stays if no text came', async () => {
    const { store, saves } = fakeStore();
    const r = start(store);
    await r.begin(null);
    const holder = { role: 'assistant', content: '', timestamp: expect.any(String), status: 'interrupted', versions };
    expect(saves[0]?.messages).toEqual([...history, holder]);
    await r.finish('interrupted', '', '');
    expect(saves.at(-1)?.messages).toEqual([...history, holder]);
  });
});
