/**
 * Merging conversations that come from elsewhere, matched on id and taken whole, never merged
 * message by message (two copies of a chat that diverged cannot be interleaved meaningfully).
 * - mergeImport: v1 data moved into layout v2 (lib/history/legacy.ts); a later updated_at wins.
 * - sameContent / importedCopy: a user's import never replaces a local conversation: the same
 *   one is "already there", a different one under the same id is kept as a copy
 *   (lib/history/import-store.ts).
 */
import { type Conversation, newConversationId, sortNewestFirst } from './contract';

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

/** Equal as JSON values (key order aside): "the same conversation" for an import. */
export function sameContent(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null || Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  const bo = b as Record<string, unknown>;
  return ka.every((k) => Object.hasOwn(bo, k) && sameContent((a as Record<string, unknown>)[k], bo[k]));
}

/** FNV-1a of a string, then a small PRNG from it (mulberry32): random-looking, but repeatable. */
function seededRandom(text: string): () => number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return () => {
    h = (h + 0x6d2b79f5) | 0;
    let t = Math.imul(h ^ (h >>> 15), 1 | h);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** What an imported conversation's title gets when it is kept as a copy. */
export const COPY_SUFFIX = ' (imported)';

/**
 * The copy an import keeps when a different local conversation has the same id: the local one
 * is never replaced. The copy's id is derived from its content (our id format, its created_at
 * time), so importing the same file again finds the copy and adds nothing; `attempt` gives
 * another id if that one is taken as well.
 */
export function importedCopy(conv: Conversation, attempt = 0): Conversation {
  const created = Date.parse(conv.created_at);
  const id = newConversationId(Number.isNaN(created) ? 0 : created, seededRandom(`${attempt}:${JSON.stringify(conv)}`));
  return { ...conv, id, title: `${conv.title}${COPY_SUFFIX}` };
}
