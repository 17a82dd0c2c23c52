/**
 * The History view, loaded the first time it opens, with the list's items and the import's
 * progress: none of it is needed to chat, and what the panel loads at start has a budget (bench
 * case 6: ≤ 60 KB gzipped). A chunk that cannot load (files replaced under a running panel) is said.
 */
import type { ComponentProps } from 'preact';
import { useEffect, useState } from 'preact/hooks';

type View = typeof import('./HistoryView').HistoryView;

// Once loaded, every later opening renders at once.
let loaded: View | null = null;

export function HistoryLoader(props: ComponentProps<View>) {
  const [View, setView] = useState<View | 'failed' | null>(() => loaded);
  useEffect(() => {
    if (View) return;
    import('./HistoryView').then(
      (m) => {
        loaded = m.HistoryView;
        setView(() => m.HistoryView);
      },
      () => setView('failed'),
    );
  }, [View]);
  if (View === 'failed') return <p class="notice notice-error" role="alert">History could not be loaded: reopen the panel and try again.</p>;
  return View ? <View {...props} /> : null;
}
