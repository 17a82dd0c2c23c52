/**
 * Storage layout v2 of conversation history (lib/history/store.ts is its only user):
 * - `ollama_chat_conversation:<id>`: one conversation, in the storage contract's object shape
 *   (docs/spec/seed-system.md: {id, title, model, messages:[{role, content, timestamp}], created_at, updated_at});
 * - `ollama_chat_index:<0..15>`: one small summary per conversation (lib/history/summary.ts),
 *   sharded by a hash of the id so that a save rewrites one shard, not the whole index.
 * v1 kept the whole array under `ollama_chat_conversations` (the contract key). At 1,000
 * conversations every save rewrote 6.7 MB (about 1 s, and the same again for every open panel's
 * storage.onChanged), so v2 stores conversations apart; the contract's array remains the format
 * of export and import, and anything put under the contract key (v1 data, a dump of the original
 * app) is imported on start and kept aside under a backup key, never deleted.
 */
import { browser } from 'wxt/browser';
import { CONVERSATIONS_KEY } from '../conversations/contract';
import type { HistoryIO } from '../history/store';
import { type ConversationSummary, mergeNewestFirst, shardOf, sortSummaries } from '../history/summary';
import { CONVERSATION_PREFIX, conversationKey, INDEX_PREFIX, SHARD_KEYS } from './history-keys';
import { type Changes, watchLocal } from './changes';
import { importIO } from './import-io';

export { CONVERSATION_PREFIX, INDEX_PREFIX } from './history-keys';

/** The whole index, newest first; undefined when none is stored, null when a shard is damaged. */
export async function readIndex(): Promise<ConversationSummary[] | null | undefined> {
  const got = await local().get(SHARD_KEYS);
  const shards = SHARD_KEYS.map((k) => got[k]);
  if (shards.every((v) => v === undefined)) return undefined;
  if (!shards.every((v) => v === undefined || Array.isArray(v))) return null;
  return sortSummaries(shards.flatMap((v) => (v ?? []) as ConversationSummary[]));
}

const shardChanges = (changes: Changes) => Object.entries(changes).filter(([k]) => k.startsWith(INDEX_PREFIX));

/** Calls back with the index shards that changed (key → new value; all of them, undefined, after a pause); reads nothing. */
export function watchIndexShards(cb: (shards: Record<string, unknown>) => void): () => void {
  return watchLocal({
    changed(changes) {
      const changed = shardChanges(changes);
      if (changed.length) cb(Object.fromEntries(changed.map(([k, c]) => [k, c.newValue])));
    },
    missed: () => cb(Object.fromEntries(SHARD_KEYS.map((k) => [k, undefined]))),
  });
}

/**
 * The index for a panel, kept up from the change events themselves (each brings its shards' new
 * values) and merged from per-shard lists: re-reading 16 shards on each change, or in one call,
 * cost a panel long tasks once the history held 100,000 conversations (a 16 MB index). Reads
 * go shard by shard, each its own task (one shard is about 1 MB then, some 25 ms to receive); a
 * shard that changes while being read keeps the change.
 */
export function followIndex() {
  const shards: ConversationSummary[][] = SHARD_KEYS.map(() => []);
  const versions = SHARD_KEYS.map(() => 0);
  const listOf = (v: unknown) => sortSummaries(Array.isArray(v) ? (v as ConversationSummary[]) : []);
  const read = async () => {
    for (const [n, key] of SHARD_KEYS.entries()) {
      const seen = versions[n];
      const value = (await local().get(key))[key];
      if (versions[n] === seen) shards[n] = listOf(value);
    }
    // Merging (and the list's render that follows) in a task of its own, not the last read's:
    // at 100,000 conversations each is some 25 ms.
    await new Promise((resolve) => setTimeout(resolve, 0));
    return mergeNewestFirst(shards);
  };
  const watch = (cb: (index: ConversationSummary[]) => void) =>
    watchLocal({
      changed(changes) {
        const changed = shardChanges(changes);
        for (const [key, c] of changed) {
          const n = SHARD_KEYS.indexOf(key);
          shards[n] = listOf(c.newValue);
          versions[n] = (versions[n] ?? 0) + 1;
        }
        if (changed.length) cb(mergeNewestFirst(shards));
      },
      missed: () => void read().then(cb),
    });
  return { read, watch };
}

const local = () => browser.storage.local;
const keyOf = conversationKey;

/** Every stored conversation value (raw), in no order. */
async function storedConversations(): Promise<unknown[]> {
  const all = await local().get(null);
  return Object.entries(all)
    .filter(([k]) => k.startsWith(CONVERSATION_PREFIX))
    .map(([, v]) => v);
}

export const historyIO: HistoryIO = {
  // Named one by one, not spread: a spread kept the import code in the panel's bundle.
  readConversations: (ids) => importIO.readConversations(ids),
  writeImportBatch: (importId, seq, convs) => importIO.writeImportBatch(importId, seq, convs),
  publishImport: (index, shards) => importIO.publishImport(index, shards),
  readImportJournal: () => importIO.readImportJournal(),
  discardImport: (ids) => importIO.discardImport(ids),
  readLegacy: async () => (await local().get(CONVERSATIONS_KEY))[CONVERSATIONS_KEY],
  async retireLegacy(raw) {
    const key = `ollama_chat_conversations_backup_${Date.now()}`;
    await local().set({ [key]: raw });
    await local().remove(CONVERSATIONS_KEY);
    return key;
  },
  readIndex,
  readConversation: async (id) => (await local().get(keyOf(id)))[keyOf(id)],
  readAllConversations: storedConversations,
  async write({ put = [], remove = [], index }) {
    // Only the shards that hold changed conversations (all of them for a rebuild).
    const changed = put.length || remove.length ? new Set([...put.map((c) => c.id), ...remove].map(shardOf)) : null;
    const shards = SHARD_KEYS.flatMap((key, n) => (changed && !changed.has(n) ? [] : [[key, index.filter((s) => shardOf(s.id) === n)]]));
    // Conversations and index in one call: no reader sees one without the other.
    await local().set({ ...Object.fromEntries(shards), ...Object.fromEntries(put.map((c) => [keyOf(c.id), c])) });
    if (remove.length) await local().remove(remove.map(keyOf));
  },
  async backup(id, raw) {
    const key = `ollama_chat_backup_${Date.now()}_${id}`;
    await local().set({ [key]: raw });
    await local().remove(keyOf(id));
    return key;
  },
};

/** Every stored conversation, in the contract's array shape, newest first: for export. */
export async function readAllConversations(): Promise<unknown[]> {
  const [all, index] = await Promise.all([storedConversations(), followIndex().read()]);
  const order = new Map(index.map((s, i) => [s.id, i]));
  const pos = (c: unknown) => order.get((c as { id?: string } | null)?.id ?? '') ?? Number.MAX_SAFE_INTEGER;
  return all.sort((a, b) => pos(a) - pos(b));
}
