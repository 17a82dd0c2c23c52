/**
 * Every storage key the extension uses is defined here, typed, versioned, with its fallback.
 * Nothing else touches browser.storage keys directly (checked by tests/unit/house-rules.test.ts).
 */
import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import { CONVERSATIONS_KEY } from '../conversations/contract';
import type { Handoff } from '../selection/handoff';
import { type Settings, sanitizeSettings } from '../settings';
import { watchLocal } from './changes';

/**
 * Settings as stored; v1 is the first shape. Typed as unknown because storage can hold anything
 * (an older shape, a hand edit, damage): every read goes through sanitizeSettings.
 */
export const settingsItem = storage.defineItem<unknown>('local:settings', {
  fallback: {},
  version: 1,
});

/** The model the user picked last; remembered across sessions (docs/spec/seed-system.md). */
export const selectedModelItem = storage.defineItem<string | null>('local:selectedModel', {
  fallback: null,
  version: 1,
});

/** Settings with defaults applied field by field, so no call site repeats a default or meets a bad value. */
export async function readSettings(): Promise<Settings> {
  return sanitizeSettings(await settingsItem.getValue());
}

export async function writeSettings(patch: Partial<Settings>): Promise<Settings> {
  const next = { ...(await readSettings()), ...patch };
  await settingsItem.setValue(next);
  return next;
}

/** Calls `cb` with fresh settings whenever they change (in any context). */
export function watchSettings(cb: (s: Settings) => void): () => void {
  // Through the page's shared change listener (lib/storage/changes.ts), under settingsItem's key.
  return watchLocal({
    changed: (changes) => {
      const change = changes.settings;
      if (change) cb(sanitizeSettings(change.newValue));
    },
    missed: () => void readSettings().then(cb),
  });
}

/**
 * The storage contract's key (docs/spec/seed-system.md). Layout v2 keeps conversations under their own keys
 * (lib/storage/history-io.ts); this key is watched so that an array put here (v1 data, a dump of
 * the original app) is imported.
 */
export const legacyConversationsItem = storage.defineItem<unknown>(`local:${CONVERSATIONS_KEY}`);

/**
 * How much the extension's storage holds against its quota. With unlimitedStorage there is no
 * fixed quota for storage.local; the origin's estimate is the closest limit the browser reports.
 */
export async function storageUsage(): Promise<{ used: number; quota: number | null }> {
  const local = browser.storage.local as { getBytesInUse?: (keys: null) => Promise<number> };
  const estimate = await navigator.storage?.estimate?.().catch(() => undefined);
  const used = (await local.getBytesInUse?.(null).catch(() => undefined)) ?? estimate?.usage ?? 0;
  return { used, quota: estimate?.quota ?? null };
}

/** The conversation the panel shows; a UI pointer, written by the panel. */
export const currentConversationItem = storage.defineItem<string | null>('local:currentConversation', {
  fallback: null,
  version: 1,
});

/** Context-menu hand-overs waiting for the panel (lib/selection/handoff.ts); cleared with the session. */
export const selectionQueueItem = storage.defineItem<Handoff[]>('session:selectionQueue', {
  fallback: [],
  version: 1,
});

export const selectionQueueIO = {
  read: () => selectionQueueItem.getValue(),
  write: (items: Handoff[]) => selectionQueueItem.setValue(items),
};
