/** The keys of conversation history in storage.local (layout v2, lib/storage/history-io.ts). */
import { INDEX_SHARDS } from '../history/summary';

export const CONVERSATION_PREFIX = 'ollama_chat_conversation:';
export const INDEX_PREFIX = 'ollama_chat_index:';
export const SHARD_KEYS = Array.from({ length: INDEX_SHARDS }, (_, i) => `${INDEX_PREFIX}${i}`);
export const conversationKey = (id: string) => `${CONVERSATION_PREFIX}${id}`;

/** The import under way, `{importId, batches}` (lib/storage/import-io.ts); absent when none is. */
export const IMPORT_JOURNAL_KEY = 'ollama_chat_import';
/** `ollama_chat_import:<n>`: the ids that batch n of that import wrote. */
export const importBatchKey = (n: number) => `${IMPORT_JOURNAL_KEY}:${n}`;
