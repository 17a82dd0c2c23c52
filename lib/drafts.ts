/**
 * Drafts: what the user typed for a conversation and has not sent yet (the message box, and the
 * conversation's own system prompt as edited), so that closing the panel loses none of it.
 * Pure: the storage item is lib/storage/drafts.ts, the panel's side components/state/drafts.ts.
 */

export interface Draft {
  /** The conversation's id; null is the new chat, which has no id until its first message. */
  conversation: string | null;
  /** The message box's text, as typed (not trimmed). */
  text: string;
  /** The conversation's system prompt as edited, present only while it differs from the stored one ('' clears it). */
  system?: string;
  /** When it was last written (ms since the epoch): the newest are the ones kept. */
  updatedAt: number;
}

/** Kept at most: the newest win, so drafts left in forgotten conversations cannot pile up. */
export const DRAFTS_MAX = 50;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** One stored entry as a Draft, or null when it is damaged or holds nothing worth keeping. */
function sanitizeDraft(v: unknown): Draft | null {
  if (!isRecord(v)) return null;
  const { conversation, text, system, updatedAt } = v;
  if (conversation !== null && (typeof conversation !== 'string' || conversation === '')) return null;
  if (typeof text !== 'string' || (system !== undefined && typeof system !== 'string')) return null;
  if (typeof updatedAt !== 'number' || !Number.isFinite(updatedAt)) return null;
  return isEmpty({ text, system }) ? null : { conversation, text, ...(system !== undefined ? { system } : {}), updatedAt };
}

/** Nothing typed: no text and the system prompt as stored. */
export function isEmpty(d: Pick<Draft, 'text' | 'system'>): boolean {
  return d.text === '' && d.system === undefined;
}

/** Whatever storage holds, as a list of valid drafts (damage reads as none), one per conversation, capped. */
export function sanitizeDrafts(stored: unknown): Draft[] {
  if (!Array.isArray(stored)) return [];
  const valid = stored.map(sanitizeDraft).filter((d): d is Draft => d !== null);
  return capped(valid);
}

/** One per conversation (the newest), the DRAFTS_MAX newest, newest first. */
function capped(list: readonly Draft[]): Draft[] {
  const seen = new Set<string | null>();
  const sorted = [...list].sort((a, b) => b.updatedAt - a.updatedAt);
  return sorted.filter((d) => !seen.has(d.conversation) && seen.add(d.conversation)).slice(0, DRAFTS_MAX);
}

/** The list with these conversations' drafts replaced (null or empty: removed). */
export function withDrafts(list: readonly Draft[], changes: ReadonlyMap<string | null, Draft | null>): Draft[] {
  const kept = list.filter((d) => !changes.has(d.conversation));
  const added = [...changes.values()].filter((d): d is Draft => d !== null && !isEmpty(d));
  return capped([...kept, ...added]);
}

export function findDraft(list: readonly Draft[], conversation: string | null): Draft | undefined {
  return list.find((d) => d.conversation === conversation);
}

/** Where drafts are kept (lib/storage/drafts.ts; a fake in tests). */
export interface DraftsIO {
  read(): Promise<Draft[]>;
  /** Replaces these conversations' drafts (null: removes); resolves with the whole list as written. */
  write(changes: ReadonlyMap<string | null, Draft | null>): Promise<Draft[]>;
  /** Follows changes made by any page; returns the unwatch. */
  watch(cb: (list: Draft[]) => void): () => void;
}
