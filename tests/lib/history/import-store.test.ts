// @vitest-environment node
import { describe, expect, it, vi } from 'vitest';
import type { Conversation } from '../../../lib/conversations/contract';
import { createHistoryStore } from '../../../lib/history/store';
import { type ConversationSummary, shardOf } from '../../../lib/history/summary';
import { memoryIO, msg } from './memory-io';

const conv = (id: string, text: string, updated = '2026-01-01T00:00:00.000Z'): Conversation => ({
  id: id as never,
  title: text,
  model: 'm',
  messages: [msg('user', text)],
  created_at: '2026-01-01T00:00:00.000Z',
  updated_at: updated,
});
const ids = (index: unknown) => (index as ConversationSummary[]).map((s) => s.id);

async function setup(...local: Conversation[]) {
  const { io, state } = memoryIO();
  const onProblem = vi.fn();
  const store = createHistoryStore(io, onProblem);
  for (const c of local) await store.restore(c);
  return { io, state, store, onProblem, imports: store.imports };
}

describe('history store: imports', () => {
  it('writes each batch in one call with its journal; the index changes once, at publish', async () => {
    const { state, store, imports } = await setup(conv('local', 'mine'));
    await imports.begin('imp-1');
    const taken = new Set<string>();
    const batch = (from: number) =>
      Array.from({ length: 50 }, (_, i) => conv(`c${from + i}`, `t${from + i}`, `2025-01-${String((i % 28) + 1).padStart(2, '0')}T00:00:00.000Z`));
    const a = await imports.addBatch('imp-1', batch(0), taken);
    const b = await imports.addBatch('imp-1', batch(50), taken);
    expect([a.added, b.added]).toEqual([50, 50]);
    expect(state.batchKeys).toEqual([52, 52]); // 50 conversations + the journal entry + its head
    expect(state.journal?.flat()).toHaveLength(100);
    // Not listed before the publish.
    expect(ids(await store.summaries())).toEqual(['local']);
    await imports.publish([...a.written, ...b.written]);
    const listed = await store.summaries();
    expect(listed).toHaveLength(101);
    expect(ids(listed)[0]).toBe('local'); // newest first
    expect(state.publishedShards).toHaveLength(1);
    expect(new Set(state.publishedShards[0])).toEqual(new Set(Array.from({ length: 100 }, (_, i) => shardOf(`c${i}`))));
    expect(state.journal).toBeNull();
  });

  it('never replaces a local conversation: a different one under its id is kept as a copy; identical ones are already there', async () => {
    const local = conv('conv-1-aaaaaaaaa', 'local version');
    const same = conv('conv-2-bbbbbbbbb', 'identical');
    const { state, store, imports } = await setup(local, same);
    await imports.begin('imp');
    const incoming = conv('conv-1-aaaaaaaaa', 'imported version', '2026-02-01T00:00:00.000Z');
    const r = await imports.addBatch('imp', [incoming, structuredClone(same)], new Set());
    expect(r).toMatchObject({ added: 0, copies: 1, same: 1 });
    expect(state.convs.get(local.id)).toEqual(local);
    const [copy] = r.written;
    expect(copy?.id).not.toBe(local.id);
    expect(state.convs.get(copy?.id ?? '')).toEqual({ ...incoming, id: copy?.id, title: 'imported version (imported)' });
    await imports.publish(r.written);
    expect(await store.summaries()).toHaveLength(3);

    // The same file again: the copy is found, nothing is written.
    await imports.begin('imp-2');
    const again = await imports.addBatch('imp-2', [structuredClone(incoming), structuredClone(same)], new Set());
    expect(again).toMatchObject({ added: 0, copies: 0, same: 2, written: [] });
  });

  it('finds another id for a copy when its first one is taken by a different conversation (renamed copy, earlier item)', async () => {
    const local = conv('x', 'local');
    const { state, store, imports } = await setup(local);
    await imports.begin('imp');
    const incoming = conv('x', 'imported');
    const first = await imports.addBatch('imp', [incoming], new Set());
    await imports.publish(first.written);
    const copyId = first.written[0]?.id ?? '';
    await store.rename(copyId, 'renamed by the user');
    await imports.begin('imp-2');
    const r = await imports.addBatch('imp-2', [structuredClone(incoming)], new Set());
    expect(r.copies).toBe(1);
    expect(r.written[0]?.id).not.toBe(copyId);
    expect((state.convs.get(copyId) as Conversation).title).toBe('renamed by the user');
  });

  it('undo removes what the import wrote, its journal, and its index entries if it was being published', async () => {
    const { state, store, imports } = await setup(conv('local', 'mine'));
    await imports.begin('imp');
    const r = await imports.addBatch('imp', [conv('n1', 'a'), conv('n2', 'b')], new Set());
    expect(await imports.undo()).toBe(2);
    expect([...state.convs.keys()]).toEqual(['local']);
    expect(state.journal).toBeNull();

    expect(r.written).toHaveLength(2);

    // Stopped halfway through publishing: the index already lists it.
    await imports.begin('imp-2');
    const r2 = await imports.addBatch('imp-2', [conv('n3', 'c')], new Set());
    state.failAfterPublish = new Error('Storage stopped');
    await expect(imports.publish(r2.written)).rejects.toThrow('Storage stopped');
    expect(ids(state.index)).toContain('n3');
    await imports.undo();
    expect(ids(await store.summaries())).toEqual(['local']);
    expect([...state.convs.keys()]).toEqual(['local']);
  });

  it('an import left unfinished (the browser quit) is undone at the next start, and said', async () => {
    const { io, state } = memoryIO();
    await io.write({
      put: [conv('local', 'mine')],
      index: [{ id: 'local', title: 'mine', model: 'm', created_at: 'c', updated_at: '2026-01-01T00:00:00.000Z', messageCount: 1 }],
    });
    await io.writeImportBatch('imp', 0, [conv('half-1', 'a'), conv('half-2', 'b')]);
    const onProblem = vi.fn();
    const store = createHistoryStore(io, onProblem);
    expect(ids(await store.summaries())).toEqual(['local']);
    expect([...state.convs.keys()]).toEqual(['local']);
    expect(onProblem).toHaveBeenCalledWith(expect.stringContaining('The 2 conversations it had written were removed, so nothing changed'));
  });
});
