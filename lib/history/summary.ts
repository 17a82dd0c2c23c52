/**
 * The history index: one small entry per conversation, stored beside the contract's array so a
 * panel can list thousands of conversations without reading (or being sent) megabytes of
 * messages. Derived data: rebuilt from the array whenever the two disagree.
 */
import type { Conversation } from '../conversations/contract';

export interface ConversationSummary {
  id: string;
  title: string;
  model: string;
  created_at: string;
  updated_at: string;
  messageCount: number;
}

export function summarize(list: readonly Conversation[]): ConversationSummary[] {
  return list.map((c) => ({ id: c.id, title: c.title, model: c.model, created_at: c.created_at, updated_at: c.updated_at, messageCount: c.messages.length }));
}

/** Which conversations at which version (and name): equal fingerprints, same index. */
export function indexFingerprint(items: readonly { id: string; updated_at: string; title: string }[]): string {
  return items.map((c) => `${c.id}@${c.updated_at}#${c.title}`).join('|');
}

/** Ids of conversations whose title or message text contains `query` (case-insensitive). */
export function searchConversations(list: readonly Conversation[], query: string): string[] {
  const q = query.trim().toLowerCase();
  if (!q) return list.map((c) => c.id);
  return list
    .filter((c) => c.title.toLowerCase().includes(q) || c.messages.some((m) => m.content.toLowerCase().includes(q)))
    .map((c) => c.id);
}

/** The index is kept in shards, so a save rewrites one small shard, not every summary. */
export const INDEX_SHARDS = 16;

/** Which shard a conversation's summary lives in (a stable hash of its id). */
export function shardOf(id: string): number {
  // FNV-1a: a multiply by 31 mod 16 mixes too little for ids that differ in a few digits.
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 0x01000193) >>> 0;
  return h % INDEX_SHARDS;
}

/** Newest first; unparseable dates last. */
export function sortSummaries(index: readonly ConversationSummary[]): ConversationSummary[] {
  return [...index].sort((a, b) => (Date.parse(b.updated_at) || 0) - (Date.parse(a.updated_at) || 0));
}
