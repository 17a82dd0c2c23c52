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

/**
 * Replaces these conversations' drafts (null: removes) and keeps the rest, read just before, so a
 * write for one conversation does not undo another panel's write for another. Resolves with the list written.
 */
export function writeDrafts(changes: ReadonlyMap<string | null, Draft | null>): Promise<Draft[]> {
  const run = queue.then(async () => {
    const next = withDrafts(await readDrafts(), changes);
    await draftsItem.setValue(next);
    return next;
  });
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
