/**
 * Storage layout v2 of conversation history (lib/history/store.ts is its only user):
 * - `ollama_chat_conversation:<id>`: one conversation, in the storage contract's object shape
 *   (seed-system.md: {id, title, model, messages:[{role, content, timestamp}], created_at, updated_at});
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
import { type ConversationSummary, INDEX_SHARDS, shardOf, sortSummaries } from '../history/summary';

export const CONVERSATION_PREFIX = 'ollama_chat_conversation:';
export const INDEX_PREFIX = 'ollama_chat_index:';
const SHARD_KEYS = Array.from({ length: INDEX_SHARDS }, (_, i) => `${INDEX_PREFIX}${i}`);

/** The whole index, newest first; undefined when none is stored, null when a shard is damaged. */
export async function readIndex(): Promise<ConversationSummary[] | null | undefined> {
  const got = await local().get(SHARD_KEYS);
  const shards = SHARD_KEYS.map((k) => got[k]);
  if (shards.every((v) => v === undefined)) return undefined;
  if (!shards.every((v) => v === undefined || Array.isArray(v))) return null;
  return sortSummaries(shards.flatMap((v) => (v ?? []) as ConversationSummary[]));
}

/** Calls back with the whole index whenever any shard of it changes; returns the unwatch. */
export function watchIndex(cb: (index: ConversationSummary[], shards: Record<string, unknown>) => void): () => void {
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area !== 'local') return;
    const shards = Object.fromEntries(Object.entries(changes).filter(([k]) => k.startsWith(INDEX_PREFIX)).map(([k, c]) => [k, c.newValue]));
    if (Object.keys(shards).length) void readIndex().then((index) => cb(index ?? [], shards));
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}

const local = () => browser.storage.local;
const keyOf = (id: string) => `${CONVERSATION_PREFIX}${id}`;

export const historyIO: HistoryIO = {
  readLegacy: async () => (await local().get(CONVERSATIONS_KEY))[CONVERSATIONS_KEY],
  async retireLegacy(raw) {
    const key = `ollama_chat_conversations_backup_${Date.now()}`;
    await local().set({ [key]: raw });
    await local().remove(CONVERSATIONS_KEY);
    return key;
  },
  readIndex,
  readConversation: async (id) => (await local().get(keyOf(id)))[keyOf(id)],
  async readAllConversations() {
    const all = await local().get(null);
    return Object.entries(all)
      .filter(([k]) => k.startsWith(CONVERSATION_PREFIX))
      .map(([, v]) => v);
  },
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
  const [all, index] = await Promise.all([historyIO.readAllConversations(), readIndex()]);
  const order = new Map((Array.isArray(index) ? (index as { id: string }[]) : []).map((s, i) => [s.id, i]));
  const pos = (c: unknown) => order.get((c as { id?: string } | null)?.id ?? '') ?? Number.MAX_SAFE_INTEGER;
  return all.sort((a, b) => pos(a) - pos(b));
}
