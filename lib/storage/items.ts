/**
 * Every storage key the extension uses is defined here, typed, versioned, with its fallback.
 * Nothing else touches browser.storage keys directly (checked by tests/unit/house-rules.test.ts).
 */
import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import { type Conversation, CONVERSATIONS_KEY } from '../conversations/contract';
import { type ConversationSummary, indexFingerprint, summarize } from '../history/summary';
import type { Handoff } from '../selection/handoff';
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

/**
 * The storage contract (seed-system.md): key `ollama_chat_conversations`, the original app's
 * array shape, readable by the original app's code. Stored raw (no WXT metadata) so an export or
 * a dump of the original matches it byte for byte in shape; validation happens on read
 * (lib/conversations/validate.ts). Only the background writes it (lib/history/store.ts).
 */
const INDEX_KEY = 'ollama_chat_index';

export const conversationsItem = storage.defineItem<unknown>(`local:${CONVERSATIONS_KEY}`, {
  fallback: [],
});

/** The history index (lib/history/summary.ts): what a panel needs to list conversations. */
export const historyIndexItem = storage.defineItem<ConversationSummary[]>('local:ollama_chat_index', {
  fallback: [],
});

/** The history store's storage access, for the background. */
export const conversationsIO = {
  read: () => conversationsItem.getValue(),
  /** Array and index in one storage call, so no reader ever sees them disagree. */
  write: (list: Conversation[]) =>
    browser.storage.local.set({ [CONVERSATIONS_KEY]: list, [INDEX_KEY]: summarize(list) }),
  /** Rewrites the index when it does not match the array (first run, data put there by hand). */
  async syncIndex(list: Conversation[]): Promise<void> {
    const index = await historyIndexItem.getValue();
    if (indexFingerprint(index) !== indexFingerprint(list)) await historyIndexItem.setValue(summarize(list));
  },
  /** An unreadable value is never overwritten blindly: it is kept under its own key. */
  async backup(raw: unknown): Promise<string> {
    const key = `ollama_chat_conversations_backup_${Date.now()}` as const;
    await storage.setItem(`local:${key}`, raw);
    return key;
  },
};

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
