/**
 * A view loaded the first time it opens (History, Settings): none of it is needed to chat, and what
 * the panel loads at start has a budget (bench case 6: ≤ 60 KB gzipped). A chunk that cannot load
 * (files replaced under a running panel by an update) is said, not swallowed.
 */
import type { ComponentType, JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';

export function lazyView<P extends object>(load: () => Promise<ComponentType<P>>, what: string): (props: P) => JSX.Element | null {
  // Once loaded, every later opening renders at once.
  let loaded: ComponentType<P> | null = null;
  return function LazyView(props: P) {
    const [View, setView] = useState<ComponentType<P> | 'failed' | null>(() => loaded);
    useEffect(() => {
      if (View) return;
      load().then(
        (v) => {
          loaded = v;
          setView(() => v);
        },
        () => setView('failed'),
      );
    }, [View]);
    if (View === 'failed') return <p class="notice notice-error" role="alert">{what} could not be loaded: reopen the panel and try again.</p>;
    return View ? <View {...props} /> : null;
  };
}
