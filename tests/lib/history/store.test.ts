// @vitest-environment node
import { describe, expect, it, vi } from 'vitest';
import type { Conversation } from '../../../lib/conversations/contract';
import { createHistoryStore, type HistoryIO } from '../../../lib/history/store';

const msg = (role: 'user' | 'assistant', content: string) => ({ role, content, timestamp: '2026-01-01T00:00:00.000Z' });

function memoryIO(initial: unknown = []) {
  const state = { value: initial, backups: new Map<string, unknown>(), failNext: null as Error | null, writes: 0 };
  const io: HistoryIO = {
    read: async () => state.value,
    write: async (list) => {
      if (state.failNext) {
        const e = state.failNext;
        state.failNext = null;
        throw e;
      }
      state.writes++;
      state.value = structuredClone(list);
    },
    syncIndex: async () => {},
    backup: async (raw) => {
      const key = `ollama_chat_conversations_backup_${state.backups.size + 1}`;
      state.backups.set(key, raw);
      return key;
    },
  };
  return { io, state };
}

describe('history store', () => {
  it('saves in the contract shape, newest first, keeping created_at on update', async () => {
    const { io, state } = memoryIO();
    const store = createHistoryStore(io, vi.fn());
    const a = await store.save({ id: 'conv-1-aaaaaaaaa' as never, model: 'm', messages: [msg('user', 'first question')] });
    const b = await store.save({ id: 'conv-2-bbbbbbbbb' as never, model: 'm', messages: [msg('user', 'second')] });
    const a2 = await store.save({ id: a.id, model: 'm', messages: [msg('user', 'first question'), msg('assistant', 'answer')] });
    expect(a2.created_at).toBe(a.created_at);
    const stored = state.value as Conversation[];
    expect(stored.map((c) => c.id)).toEqual([a.id, b.id]);
    expect(stored[0]).toEqual({
      id: a.id,
      title: 'first question',
      model: 'm',
      messages: [msg('user', 'first question'), msg('assistant', 'answer')],
      created_at: a.created_at,
      updated_at: a2.updated_at,
    });
  });

  it('an unreadable stored value is backed up untouched and reported, never overwritten blindly', async () => {
    const corrupt = { not: 'an array' };
    const { io, state } = memoryIO(corrupt);
    const onProblem = vi.fn();
    const store = createHistoryStore(io, onProblem);
    expect(await store.list()).toEqual([]);
    expect([...state.backups.values()]).toEqual([corrupt]);
    expect(onProblem).toHaveBeenCalledWith(expect.stringContaining('ollama_chat_conversations_backup_1'));
    expect(state.value).toBe(corrupt);
  });

  it('a quota error is reported as "Storage quota exceeded" and nothing saved is lost', async () => {
    const { io, state } = memoryIO();
    const store = createHistoryStore(io, vi.fn());
    await store.save({ id: 'conv-1-aaaaaaaaa' as never, model: 'm', messages: [msg('user', 'keep me')] });
    const before = structuredClone(state.value);
    state.failNext = new Error('QUOTA_BYTES quota exceeded');
    await expect(store.save({ id: 'conv-2-bbbbbbbbb' as never, model: 'm', messages: [msg('user', 'too big')] })).rejects.toThrow(/Storage quota exceeded/);
    expect(state.value).toEqual(before);
    expect((await store.list()).map((c) => c.id)).toEqual(['conv-1-aaaaaaaaa']);
    // The next save works again and still has the earlier conversation.
    await store.save({ id: 'conv-2-bbbbbbbbb' as never, model: 'm', messages: [msg('user', 'retry')] });
    expect((state.value as Conversation[]).length).toBe(2);
  });

  it('concurrent changes are applied in order, none lost', async () => {
    const { io, state } = memoryIO();
    const store = createHistoryStore(io, vi.fn());
    await Promise.all(
      Array.from({ length: 20 }, (_, i) => store.save({ id: `conv-${i}-aaaaaaaaa` as never, model: 'm', messages: [msg('user', `q${i}`)] })),
    );
    expect((state.value as Conversation[]).length).toBe(20);
  });

  it('drops its cache when storage is changed behind its back, and keeps it for its own writes', async () => {
    const { io, state } = memoryIO();
    const store = createHistoryStore(io, vi.fn());
    await store.save({ id: 'conv-1-aaaaaaaaa' as never, model: 'm', messages: [msg('user', 'q')] });
    const read = vi.spyOn(io, 'read');
    const syncIndex = vi.spyOn(io, 'syncIndex');
    store.noteStoredValue(state.value);
    await store.list();
    expect(read).not.toHaveBeenCalled();
    state.value = [];
    store.noteStoredValue([]);
    expect(await store.list()).toEqual([]);
    expect(read).toHaveBeenCalledTimes(1);
    expect(syncIndex).toHaveBeenCalledWith([]);
  });

  it('rename, delete and restore (undo)', async () => {
    const { io } = memoryIO();
    const store = createHistoryStore(io, vi.fn());
    const c = await store.save({ id: 'conv-1-aaaaaaaaa' as never, model: 'm', messages: [msg('user', 'q')] });
    await store.rename(c.id, 'My name');
    expect((await store.list())[0]?.title).toBe('My name');
    const gone = await store.remove(c.id);
    expect(await store.list()).toEqual([]);
    expect(await store.remove(c.id)).toBeNull();
    if (gone) await store.restore(gone);
    expect((await store.list())[0]).toEqual(gone);
  });

  it('import merges on id without duplicates', async () => {
    const { io } = memoryIO();
    const store = createHistoryStore(io, vi.fn());
    const c = await store.save({ id: 'conv-1-aaaaaaaaa' as never, model: 'm', messages: [msg('user', 'q')] });
    const other = { ...c, id: 'conv-9-zzzzzzzzz' as never };
    expect(await store.importMany([c, other])).toMatchObject({ added: 1, unchanged: 1 });
    expect(await store.importMany([c, other])).toMatchObject({ added: 0, updated: 0, unchanged: 2 });
    expect((await store.list()).length).toBe(2);
  });
});
