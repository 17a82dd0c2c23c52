/**
 * A view loaded the first time it is needed (History, Settings, the markdown reply view): none of
 * it is needed for the panel's first paint, and what the panel loads at start has a budget (bench
 * case 6: ≤ 60 KB gzipped). A chunk that cannot load (files replaced under a running panel by an
 * update) is said, not swallowed.
 */
import type { ComponentType, JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';

export interface LazyView<P> {
  (props: P): JSX.Element | null;
  /** Starts loading now, so the first use renders at once; settles (never rejects) when done. */
  preload(): Promise<void>;
}

export function lazyView<P extends object>(load: () => Promise<ComponentType<P>>, what: string): LazyView<P> {
  // Once loaded, every later use renders at once.
  let loaded: ComponentType<P> | null = null;
  let loading: Promise<ComponentType<P>> | null = null;
  const get = () => {
    loading ??= load().then(
      (v) => (loaded = v),
      (e: unknown) => {
        // The next use tries again.
        loading = null;
        throw e;
      },
    );
    return loading;
  };
  function View(props: P) {
    const [Loaded, setLoaded] = useState<ComponentType<P> | 'failed' | null>(() => loaded);
    useEffect(() => {
      if (Loaded) return;
      get().then(
        (v) => setLoaded(() => v),
        () => setLoaded('failed'),
      );
    }, [Loaded]);
    if (Loaded === 'failed')
      return (
        <p class="notice notice-error" role="alert">
          {what} could not be loaded: reopen the panel and try again.
        </p>
      );
    return Loaded ? <Loaded {...props} /> : null;
  }
  View.preload = () =>
    get().then(
      () => {},
      () => {},
    );
  return View;
}
