/**
 * A page's one storage.local change listener, shared by all its watchers. Each listener on a
 * storage event makes the page convert every change's values into JS objects, values it ignores
 * included: during a big import that is every batch of conversations written (about 100 MB for
 * 100,000 of them), which kept the panel's main thread busy half the time. So a page listens
 * once, and an import pauses it: the page then gets no change events at all, and each watcher,
 * having missed changes, is told to re-read when listening resumes.
 */
import { browser } from 'wxt/browser';

export type Changes = Record<string, { newValue?: unknown; oldValue?: unknown }>;

export interface Watcher {
  changed(changes: Changes): void;
  /** Changes may have been missed (listening was paused): read again. */
  missed(): void;
}

const watchers = new Set<Watcher>();
let paused = 0;

const listener = (changes: Changes) => {
  for (const w of [...watchers]) w.changed(changes);
};
const sync = () => {
  const event = browser.storage.local.onChanged;
  const want = paused === 0 && watchers.size > 0;
  if (want && !event.hasListener(listener)) event.addListener(listener);
  else if (!want) event.removeListener(listener);
};

/** Calls the watcher with each storage.local change; returns the unwatch. */
export function watchLocal(watcher: Watcher): () => void {
  watchers.add(watcher);
  sync();
  return () => {
    watchers.delete(watcher);
    sync();
  };
}

/** Stops this page's change events until the returned resume() (call it once); then every watcher re-reads. */
export function pauseLocalChanges(): () => void {
  paused++;
  sync();
  return () => {
    paused--;
    sync();
    if (paused === 0) for (const w of [...watchers]) w.missed();
  };
}
