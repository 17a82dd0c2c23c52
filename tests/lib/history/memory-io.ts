/** Layout v2 in memory for the store's tests: conversations by id, the index, the legacy key, backups, an import's journal. */
import type { HistoryIO } from '../../../lib/history/store';

export const msg = (role: 'user' | 'assistant', content: string) => ({ role, content, timestamp: '2026-01-01T00:00:00.000Z' });

export function memoryIO(legacy?: unknown) {
  const state = {
    legacy,
    convs: new Map<string, unknown>(),
    index: undefined as unknown,
    backups: new Map<string, unknown>(),
    failNext: null as Error | null,
    /** Thrown by publishImport after the index is written, before the journal is dropped. */
    failAfterPublish: null as Error | null,
    writes: 0,
    bytesPerWrite: [] as number[],
    /** The unfinished import's batches: the ids each wrote. */
    journal: null as string[][] | null,
    /** Keys per storage call of an import batch, and index shards written per publish. */
    batchKeys: [] as number[],
    publishedShards: [] as number[][],
  };
  const failing = () => {
    const e = state.failNext;
    state.failNext = null;
    if (e) throw e;
  };
  const io: HistoryIO = {
    readLegacy: async () => state.legacy,
    retireLegacy: async (raw) => {
      const key = `ollama_chat_conversations_backup_${state.backups.size + 1}`;
      state.backups.set(key, raw);
      state.legacy = undefined;
      return key;
    },
    readIndex: async () => state.index,
    readConversation: async (id) => state.convs.get(id),
    readAllConversations: async () => [...state.convs.values()],
    write: async ({ put = [], remove = [], index }) => {
      failing();
      state.writes++;
      state.bytesPerWrite.push(JSON.stringify([put, index]).length);
      for (const c of put) state.convs.set(c.id, structuredClone(c));
      for (const id of remove) state.convs.delete(id);
      state.index = structuredClone(index);
    },
    backup: async (id, raw) => {
      const key = `ollama_chat_backup_${id}`;
      state.backups.set(key, raw);
      state.convs.delete(id);
      return key;
    },
    readConversations: async (ids) => new Map(ids.flatMap((id) => (state.convs.has(id) ? [[id, structuredClone(state.convs.get(id))]] : []))),
    writeImportBatch: async (_importId, seq, convs) => {
      failing();
      for (const c of convs) state.convs.set(c.id, structuredClone(c));
      state.journal = [...(state.journal ?? []).slice(0, seq), convs.map((c) => c.id)];
      state.batchKeys.push(convs.length + 2);
    },
    publishImport: async (index, shards) => {
      failing();
      state.index = structuredClone(index);
      state.publishedShards.push(shards);
      const e = state.failAfterPublish;
      state.failAfterPublish = null;
      if (e) throw e;
      state.journal = null;
    },
    readImportJournal: async () => state.journal?.flat(),
    discardImport: async (ids) => {
      for (const id of ids) state.convs.delete(id);
      state.journal = null;
    },
  };
  return { io, state };
}
