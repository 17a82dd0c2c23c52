/**
 * Storage layout v2 of conversation history (lib/history/store.ts is its only user):
 * - `ollama_chat_conversation:<id>`: one conversation, in the storage contract's object shape
 *   (seed-system.md: {id, title, model, messages:[{role, content, timestamp}], created_at, updated_at});
 * - `ollama_chat_index`: one small summary per conversation, newest first (lib/history/summary.ts).
 * v1 kept the whole array under `ollama_chat_conversations` (the contract key). At 1,000
 * conversations every save rewrote 6.7 MB (about 1 s, and the same again for every open panel's
 * storage.onChanged), so v2 stores conversations apart; the contract's array remains the format
 * of export and import, and anything put under the contract key (v1 data, a dump of the original
 * app) is imported on start and kept aside under a backup key, never deleted.
 */
import { browser } from 'wxt/browser';
import { CONVERSATIONS_KEY } from '../conversations/contract';
import type { HistoryIO } from '../history/store';

export const CONVERSATION_PREFIX = 'ollama_chat_conversation:';
export const INDEX_KEY = 'ollama_chat_index';

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
  readIndex: async () => (await local().get(INDEX_KEY))[INDEX_KEY],
  readConversation: async (id) => (await local().get(keyOf(id)))[keyOf(id)],
  async readAllConversations() {
    const all = await local().get(null);
    return Object.entries(all)
      .filter(([k]) => k.startsWith(CONVERSATION_PREFIX))
      .map(([, v]) => v);
  },
  async write({ put = [], remove = [], index }) {
    // Conversations and index in one call: no reader sees one without the other.
    await local().set({ [INDEX_KEY]: index, ...Object.fromEntries(put.map((c) => [keyOf(c.id), c])) });
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
  const [all, index] = await Promise.all([historyIO.readAllConversations(), historyIO.readIndex()]);
  const order = new Map((Array.isArray(index) ? (index as { id: string }[]) : []).map((s, i) => [s.id, i]));
  const pos = (c: unknown) => order.get((c as { id?: string } | null)?.id ?? '') ?? Number.MAX_SAFE_INTEGER;
  return all.sort((a, b) => pos(a) - pos(b));
}
