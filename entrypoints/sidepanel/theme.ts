/**
 * The Theme setting, on <html data-theme>: components/styles.css turns it into `color-scheme`,
 * from which every colour token is picked. 'system' leaves the choice to prefers-color-scheme.
 */
import type { Theme } from '../../lib/settings';
import { readSettings, watchSettings } from '../../lib/storage/items';

export function applyTheme(root: HTMLElement, theme: Theme): void {
  root.dataset.theme = theme;
}

/** Applies the stored theme now and whenever Settings saves another one; returns the unwatch. */
export function followTheme(root: HTMLElement = document.documentElement): () => void {
  let changed = false;
  const unwatch = watchSettings((s) => {
    changed = true;
    applyTheme(root, s.theme);
  });
  // A change seen first is newer than this first read: the read must not undo it.
  void readSettings().then((s) => changed || applyTheme(root, s.theme));
  return unwatch;
}
