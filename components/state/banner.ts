/** The one banner under the header: info and error are mutually exclusive (seed-system.md). */
import { type ReadonlySignal, signal } from '@preact/signals';

/**
 * Who raised it, so a banner goes when its cause does: a good status clears 'status' and
 * 'connection' (a reply that failed because Ollama was unreachable), never a chat error.
 */
export type BannerSource = 'status' | 'connection' | 'chat' | 'settings' | 'history' | 'recovery';

export interface Banner {
  kind: 'info' | 'error';
  text: string;
  source: BannerSource;
}

export interface BannerModel {
  readonly current: ReadonlySignal<Banner | null>;
  info(text: string, source: BannerSource): void;
  error(text: string, source: BannerSource): void;
  /** Clears the banner, or only one raised by `source`. */
  clear(source?: BannerSource): void;
}

export function createBannerModel(): BannerModel {
  const current = signal<Banner | null>(null);
  return {
    current,
    info: (text, source) => {
      current.value = { kind: 'info', text, source };
    },
    error: (text, source) => {
      current.value = { kind: 'error', text, source };
    },
    clear: (source) => {
      if (!source || current.peek()?.source === source) current.value = null;
    },
  };
}
