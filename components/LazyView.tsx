/**
 * A view loaded the first time it is needed (History, Settings, the markdown reply view): none of
 * it is needed for the panel's first paint, and what the panel loads at start has a budget (bench
 * case 6: ≤ 60 KB gzipped). A chunk that cannot load (files replaced under a running panel by an
 * update) is said, not swallowed.
 */
import type { ComponentType, JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { t } from '../lib/i18n';

/** What failed to load, said in a whole sentence of its own (a name glued into it would not translate). */
const FAILED = {
  'The reply view': 'lazy_view_failed_reply',
  'The reply footer': 'lazy_view_failed_reply_footer',
  'The edit box': 'lazy_view_failed_edit_box',
  'The PDF tools': 'lazy_view_failed_pdf_tools',
  'The welcome guide': 'lazy_view_failed_welcome_guide',
  'The system prompt editor': 'lazy_view_failed_system_prompt',
  'The auto-start setup': 'lazy_view_failed_auto_start',
  "The banner's buttons": 'lazy_view_failed_banner_actions',
  History: 'lazy_view_failed_history',
  Models: 'lazy_view_failed_models',
  Settings: 'lazy_view_failed_settings',
} as const;
/** The views that load lazily, by the name their failure message gives them. */
export type LazyViewName = keyof typeof FAILED;

export interface LazyView<P> {
  (props: P): JSX.Element | null;
  /** Starts loading now, so the first use renders at once; settles (never rejects) when done. */
  preload(): Promise<void>;
}

export function lazyView<P extends object>(load: () => Promise<ComponentType<P>>, what: LazyViewName): LazyView<P> {
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
          {t(FAILED[what])}
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
