/**
 * Every storage key the extension uses is defined here, typed, versioned, with its fallback.
 * Nothing else touches browser.storage keys directly (checked by tests/unit/house-rules.test.ts).
 */
import { storage } from 'wxt/utils/storage';
import { DEFAULT_SETTINGS, type Settings } from '../settings';

/** Settings as stored; v1 is the first shape. Missing fields are filled from the defaults. */
export const settingsItem = storage.defineItem<Partial<Settings>>('local:settings', {
  fallback: {},
  version: 1,
});

/** The model the user picked last; remembered across sessions (seed-system.md). */
export const selectedModelItem = storage.defineItem<string | null>('local:selectedModel', {
  fallback: null,
  version: 1,
});

/** Settings with defaults applied, so no call site repeats a default. */
export async function readSettings(): Promise<Settings> {
  return { ...DEFAULT_SETTINGS, ...(await settingsItem.getValue()) };
}

export async function writeSettings(patch: Partial<Settings>): Promise<Settings> {
  const next = { ...(await readSettings()), ...patch };
  await settingsItem.setValue(next);
  return next;
}

/** Calls `cb` with fresh settings whenever they change (in any context). */
export function watchSettings(cb: (s: Settings) => void): () => void {
  return settingsItem.watch((value) => cb({ ...DEFAULT_SETTINGS, ...value }));
}
