// @vitest-environment node
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Conversation } from '../../../lib/conversations/contract';
import { createHistoryStore } from '../../../lib/history/store';
import { type ConversationSummary, shardOf } from '../../../lib/history/summary';
import { installI18n } from '../../support/i18n';
import { memoryIO, msg } from './memory-io';

const save = (store: ReturnType<typeof createHistoryStore>, id: string, ...texts: string[]) =>
  store.save({ id: id as never, model: 'm', messages: texts.map((t, i) => msg(i % 2 ? 'assistant' : 'user', t)) });

describe('history store (layout v2)', () => {
  it('saves each conversation in the contract shape under its own key, with an index newest first', async () => {
    const { io, state } = memoryIO();
    const store = createHistoryStore(io, vi.fn());
    const a = await save(store, 'conv-1-aaaaaaaaa', 'first question');
    const b = await save(store, 'conv-2-bbbbbbbbb', 'second');
    const a2 = await save(store, a.id, 'first question', 'answer');
    expect(a2.created_at).toBe(a.created_at);
    expect(state.convs.get(a.id)).toEqual({
      id: a.id,
      title: 'first question',
      model: 'm',
      messages: [msg('user', 'first question'), msg('assistant', 'answer')],
      created_at: a.created_at,
      updated_at: a2.updated_at,
    });
    expect((state.index as ConversationSummary[]).map((s) => s.id)).toEqual([a.id, b.id]);
    expect(await store.summaries()).toEqual(state.index);
  });

  it('a save writes one conversation and the index, however long the history is', async () => {
    const { io, state } = memoryIO();
    const store = createHistoryStore(io, vi.fn());
    for (let i = 0; i < 200; i++) await save(store, `conv-${i}-aaaaaaaaa`, 'x'.repeat(2000));
    const [first, last] = [state.bytesPerWrite[0] ?? 0, state.bytesPerWrite.at(-1) ?? 0];
    // The index grows by a short line per conversation; the messages written do not grow at all
    // (v1 rewrote all 200 × 2,000 characters on every save).
    expect(last - first).toBeLessThan(200 * 300);
    expect(last).toBeLessThan((200 * 2000) / 5);
  });

  it('moves v1 data (or a dump of the original app) from the contract key into v2 and keeps it aside', async () => {
    const original: Conversation[] = [
      {
        id: 'conv-9-zzzzzzzzz' as never,
        title: 'Old',
        model: 'llama3',
        messages: [msg('user', 'Old')],
        created_at: '2024-01-01T00:00:00Z',
        updated_at: '2024-01-02T00:00:00Z',
      },
    ];
    const { io, state } = memoryIO(original);
    const store = createHistoryStore(io, vi.fn());
    expect((await store.summaries()).map((s) => s.id)).toEqual(['conv-9-zzzzzzzzz']);
    expect(await store.get('conv-9-zzzzzzzzz')).toEqual(original[0]);
    expect(state.legacy).toBeUndefined();
    expect([...state.backups.values()]).toEqual([original]);
  });

  it('an unreadable value is backed up untouched and reported, never overwritten blindly', async () => {
    const { io, state } = memoryIO({ not: 'an array' });
    const onProblem = vi.fn();
    const store = createHistoryStore(io, onProblem);
    expect(await store.summaries()).toEqual([]);
    expect([...state.backups.values()]).toEqual([{ not: 'an array' }]);
    expect(onProblem).toHaveBeenCalledWith(expect.stringContaining('ollama_chat_conversations_backup_1'));

    state.convs.set('conv-3-ccccccccc', { id: 'conv-3-ccccccccc', title: 5 });
    state.index = [{ id: 'conv-3-ccccccccc', title: 't', model: 'm', created_at: 'c', updated_at: 'u', messageCount: 1 }];
    store.noteIndex({ 'ollama_chat_index:0': ['external change'] });
    expect(await store.get('conv-3-ccccccccc')).toBeNull();
    expect(state.backups.get('ollama_chat_backup_conv-3-ccccccccc')).toEqual({ id: 'conv-3-ccccccccc', title: 5 });
    expect(onProblem).toHaveBeenLastCalledWith(expect.stringContaining('ollama_chat_backup_conv-3-ccccccccc'));
  });

  it('a quota error is reported as "Storage quota exceeded" and nothing saved is lost', async () => {
    const { io, state } = memoryIO();
    const store = createHistoryStore(io, vi.fn());
    await save(store, 'conv-1-aaaaaaaaa', 'keep me');
    const before = structuredClone([...state.convs.entries()]);
    state.failNext = new Error('QUOTA_BYTES quota exceeded');
    await expect(save(store, 'conv-2-bbbbbbbbb', 'too big')).rejects.toThrow(/Storage quota exceeded/);
    expect([...state.convs.entries()]).toEqual(before);
    expect((await store.summaries()).map((s) => s.id)).toEqual(['conv-1-aaaaaaaaa']);
    await save(store, 'conv-2-bbbbbbbbb', 'retry');
    expect((await store.summaries()).length).toBe(2);
  });

  it('concurrent changes are applied in order, none lost', async () => {
    const { io } = memoryIO();
    const store = createHistoryStore(io, vi.fn());
    await Promise.all(Array.from({ length: 20 }, (_, i) => save(store, `conv-${i}-aaaaaaaaa`, `q${i}`)));
    expect((await store.summaries()).length).toBe(20);
  });

  it('forgets its caches when the index is changed behind its back (cleared storage)', async () => {
    const { io, state } = memoryIO();
    const store = createHistoryStore(io, vi.fn());
    await save(store, 'conv-1-aaaaaaaaa', 'q');
    const own = state.index as ConversationSummary[];
    const read = vi.spyOn(io, 'readIndex');
    store.noteIndex({ [`ollama_chat_index:${shardOf('conv-1-aaaaaaaaa')}`]: own }); // our own write
    await store.summaries();
    expect(read).not.toHaveBeenCalled();
    state.convs.clear();
    state.index = undefined;
    store.noteIndex({ [`ollama_chat_index:${shardOf('conv-1-aaaaaaaaa')}`]: undefined });
    expect(await store.summaries()).toEqual([]);
    await save(store, 'conv-2-bbbbbbbbb', 'q');
    expect([...state.convs.keys()]).toEqual(['conv-2-bbbbbbbbb']);
  });

  it('rename, delete, restore (undo), search', async () => {
    const { io } = memoryIO();
    const store = createHistoryStore(io, vi.fn());
    const c = await save(store, 'conv-1-aaaaaaaaa', 'apples', 'are RED');
    await save(store, 'conv-2-bbbbbbbbb', 'bananas');
    await store.rename(c.id, 'My name');
    expect((await store.summaries()).find((s) => s.id === c.id)?.title).toBe('My name');
    expect(await store.search('red')).toEqual([c.id]);
    const gone = await store.remove(c.id);
    expect((await store.summaries()).map((s) => s.id)).toEqual(['conv-2-bbbbbbbbb']);
    expect(await store.remove(c.id)).toBeNull();
    if (gone) await store.restore(gone);
    expect(await store.get(c.id)).toEqual(gone);
  });
});

describe('history store in Chinese', () => {
  afterEach(() => installI18n(fakeBrowser));

  it("a quota error is said in the catalog's words, and nothing saved is lost", async () => {
    installI18n(fakeBrowser, 'zh_CN');
    const { io, state } = memoryIO();
    const store = createHistoryStore(io, vi.fn());
    await save(store, 'conv-1-aaaaaaaaa', 'keep me');
    state.failNext = new Error('QUOTA_BYTES quota exceeded');
    await expect(save(store, 'conv-2-bbbbbbbbb', 'too big')).rejects.toThrow('存储空间已超出配额：对话未保存。请导出并删除旧对话，然后重试。');
    expect((await store.summaries()).map((s) => s.id)).toEqual(['conv-1-aaaaaaaaa']);
  });
});
