/**
 * The unsent drafts (lib/drafts.ts), one item for all conversations. Typed as unknown: whatever is
 * stored (damage, a hand edit) reads through sanitizeDrafts, so a bad value is "no drafts".
 */
import { storage } from 'wxt/utils/storage';
import { type Draft, type DraftsIO, sanitizeDrafts, withDrafts } from '../drafts';
import { watchLocal } from './changes';

export const draftsItem = storage.defineItem<unknown>('local:ollama_chat_drafts', {
  fallback: [],
  version: 1,
});

export async function readDrafts(): Promise<Draft[]> {
  return sanitizeDrafts(await draftsItem.getValue().catch(() => []));
}

// This page's writes, one after another: each reads what the last one wrote.
let queue: Promise<unknown> = Promise.resolve();
// The write waiting for the running one: changes asked meanwhile join it (the newest text of
// each conversation wins), so typing costs one write per storage round trip, not per key.
let waiting: { changes: Map<string | null, Draft | null>; run: Promise<Draft[]> } | null = null;

/**
 * Replaces these conversations' drafts (null: removes) and keeps the rest, read just before, so a
 * write for one conversation does not undo another panel's write for another. Resolves with the list written.
 */
export function writeDrafts(changes: ReadonlyMap<string | null, Draft | null>): Promise<Draft[]> {
  if (waiting) {
    for (const [conversation, draft] of changes) waiting.changes.set(conversation, draft);
    return waiting.run;
  }
  const merged = new Map(changes);
  const run: Promise<Draft[]> = queue.then(async () => {
    if (waiting?.run === run) waiting = null;
    const next = withDrafts(await readDrafts(), merged);
    await draftsItem.setValue(next);
    return next;
  });
  waiting = { changes: merged, run };
  queue = run.catch(() => undefined);
  return run;
}

/** Calls `cb` with the drafts whenever another write (any page) changes them; returns the unwatch. */
export function watchDrafts(cb: (list: Draft[]) => void): () => void {
  return watchLocal({
    changed: (changes) => {
      const change = changes.ollama_chat_drafts;
      if (change) cb(sanitizeDrafts(change.newValue));
    },
    missed: () => void readDrafts().then(cb),
  });
}

export const draftsIO: DraftsIO = { read: readDrafts, write: writeDrafts, watch: watchDrafts };
