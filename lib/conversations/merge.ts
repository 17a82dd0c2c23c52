/**
 * Import merge: conversations are matched on id and replaced whole, never merged message by
 * message (two copies of a chat that diverged cannot be interleaved meaningfully).
 */
import { type Conversation, sortNewestFirst } from './contract';

export interface MergeResult {
  list: Conversation[];
  added: number;
  updated: number;
  unchanged: number;
}

/** updated_at as a number; an unparseable date loses to any real one. */
const timeOf = (c: Conversation): number => {
  const t = Date.parse(c.updated_at);
  return Number.isNaN(t) ? Number.NEGATIVE_INFINITY : t;
};

/**
 * Merges imported conversations into the existing ones: new ids are added, a known id is replaced
 * only when the import's updated_at is strictly later. Equal (the same file imported again) or
 * older keeps ours and counts as unchanged, so a re-import is a no-op. Inputs are not mutated.
 */
export function mergeImport(existing: readonly Conversation[], incoming: readonly Conversation[]): MergeResult {
  const byId = new Map<string, Conversation>();
  for (const conv of existing) if (!byId.has(conv.id)) byId.set(conv.id, conv);
  let added = 0;
  let updated = 0;
  let unchanged = 0;
  for (const conv of incoming) {
    const ours = byId.get(conv.id);
    if (!ours) {
      byId.set(conv.id, conv);
      added++;
    } else if (timeOf(conv) > timeOf(ours)) {
      byId.set(conv.id, conv);
      updated++;
    } else {
      unchanged++;
    }
  }
  return { list: sortNewestFirst([...byId.values()]), added, updated, unchanged };
}
