/** The one banner under the header: info and error are mutually exclusive (docs/spec/seed-system.md). */
import { computed, type ReadonlySignal, signal } from '@preact/signals';
import { type ActionContext, type BannerAction, type BannerCause, bannerActions } from './banner-actions';

/**
 * Who raised it, so a banner goes when its cause does: a good status clears 'status' and
 * 'connection' (a reply that failed because Ollama was unreachable), never a chat error.
 */
export type BannerSource = 'status' | 'connection' | 'chat' | 'settings' | 'history' | 'recovery';

export interface Banner {
  kind: 'info' | 'error';
  text: string;
  source: BannerSource;
  cause?: BannerCause;
  /** Its ways out (Start Ollama, Copy command, Retry), derived from the cause. */
  actions: readonly BannerAction[];
}

export interface BannerModel {
  readonly current: ReadonlySignal<Banner | null>;
  info(text: string, source: BannerSource): void;
  error(text: string, source: BannerSource, cause?: BannerCause): void;
  /** Clears the banner, or only one raised by `source`. */
  clear(source?: BannerSource): void;
}

/** Before the panel knows anything: only what needs no helper or reply. */
export const NO_CONTEXT: ActionContext = { helper: 'unknown', local: true, replyRetryable: false };

/** `context` is read inside a computed: the actions follow it (the helper found installed, a reply retried). */
export function createBannerModel(context: () => ActionContext = () => NO_CONTEXT): BannerModel {
  const raw = signal<Omit<Banner, 'actions'> | null>(null);
  const current = computed(() => {
    const b = raw.value;
    return b && { ...b, actions: bannerActions(b, context()) };
  });
  return {
    current,
    info: (text, source) => {
      raw.value = { kind: 'info', text, source };
    },
    error: (text, source, cause) => {
      raw.value = { kind: 'error', text, source, ...(cause ? { cause } : {}) };
    },
    clear: (source) => {
      if (!source || raw.peek()?.source === source) raw.value = null;
    },
  };
}
