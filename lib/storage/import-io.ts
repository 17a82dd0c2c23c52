/**
 * What an import stores (lib/history/import-store.ts): batches of conversations, each with a
 * journal entry in the same call, so that whatever an unfinished import wrote can be found and
 * removed, even after the browser quit in the middle of it.
 */
import { browser } from 'wxt/browser';
import type { ImportIO } from '../history/import-store';
import { shardOf } from '../history/summary';
import { conversationKey, IMPORT_JOURNAL_KEY, importBatchKey, SHARD_KEYS } from './history-keys';

const local = () => browser.storage.local;
// Keys per storage.local.remove call: one call for 100,000 keys is one huge message and change event.
const REMOVE_CHUNK = 2000;

interface Journal {
  importId: string;
  batches: number;
}

const readJournal = async (): Promise<Journal | undefined> => {
  const j = (await local().get(IMPORT_JOURNAL_KEY))[IMPORT_JOURNAL_KEY] as Journal | undefined;
  return j && typeof j === 'object' && Number.isInteger(j.batches) ? j : undefined;
};

export const importIO: ImportIO = {
  async readConversations(ids) {
    if (!ids.length) return new Map();
    const got = await local().get(ids.map(conversationKey));
    return new Map(ids.flatMap((id) => (conversationKey(id) in got ? [[id, got[conversationKey(id)]]] : [])));
  },
  async writeImportBatch(importId, seq, convs) {
    const journal: Journal = { importId, batches: seq + 1 };
    await local().set({
      ...Object.fromEntries(convs.map((c) => [conversationKey(c.id), c])),
      [importBatchKey(seq)]: convs.map((c) => c.id),
      [IMPORT_JOURNAL_KEY]: journal,
    });
  },
  async publishImport(index, shards) {
    const buckets = SHARD_KEYS.map((): typeof index => []);
    for (const s of index) buckets[shardOf(s.id)]?.push(s);
    for (const n of shards) {
      const key = SHARD_KEYS[n];
      if (key) await local().set({ [key]: buckets[n] });
    }
    const j = await readJournal();
    await local().remove([IMPORT_JOURNAL_KEY, ...Array.from({ length: j?.batches ?? 0 }, (_, n) => importBatchKey(n))]);
  },
  async readImportJournal() {
    const j = await readJournal();
    if (!j) return undefined;
    const keys = Array.from({ length: j.batches }, (_, n) => importBatchKey(n));
    const got = keys.length ? await local().get(keys) : {};
    return keys.flatMap((k) => (Array.isArray(got[k]) ? (got[k] as unknown[]).filter((id): id is string => typeof id === 'string') : []));
  },
  async discardImport(ids) {
    for (let i = 0; i < ids.length; i += REMOVE_CHUNK) await local().remove(ids.slice(i, i + REMOVE_CHUNK).map(conversationKey));
    const j = await readJournal();
    await local().remove([IMPORT_JOURNAL_KEY, ...Array.from({ length: j?.batches ?? 0 }, (_, n) => importBatchKey(n))]);
  },
};
