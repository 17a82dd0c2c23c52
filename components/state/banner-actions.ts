/**
 * What a banner offers besides its text, derived from what went wrong, never chosen by the view:
 * the same problem always gets the same way out (issue 12, "errors that help").
 */
import { ORIGINS_FIX } from '../../lib/ollama/errors';
import type { FailureKind } from '../../lib/protocol';

/** The exact fixes the user runs in a terminal. */
export const SERVE_COMMAND = 'ollama serve';
export const ORIGINS_COMMAND = `${ORIGINS_FIX} ollama serve`;
export const INSTALL_COMMAND = 'npm run host:install -- --start-command "ollama serve"';
export const PULL_COMMAND = 'ollama pull llama3.2:1b';

/**
 * Why a banner is up, as far as its actions care: a failure's kind, or 'down' (a recovery that
 * did not bring Ollama back) and 'no-model' (nothing installed to chat with).
 */
export type BannerCause = FailureKind | 'down' | 'no-model';

export type BannerAction =
  /** Ask the background to start Ollama through the native helper. */
  | { kind: 'start' }
  | { kind: 'copy'; command: string }
  /** 'check': ask Ollama again; 'reply': ask the failed reply again. */
  | { kind: 'retry'; what: 'check' | 'reply' };

export type Helper = 'installed' | 'missing' | 'unknown';

export interface ActionContext {
  /** Whether the native helper can start Ollama (installed, with a start command). */
  helper: Helper;
  /** The configured Ollama is on this machine: the only one the helper may start. */
  local: boolean;
  /** The last reply failed or was cut off, so it can be asked again. */
  replyRetryable: boolean;
}

export interface RawBanner {
  kind: 'info' | 'error';
  source: string;
  cause?: BannerCause;
}

const START: BannerAction = { kind: 'start' };
const CHECK: BannerAction = { kind: 'retry', what: 'check' };
const REPLY: BannerAction = { kind: 'retry', what: 'reply' };
const copy = (command: string): BannerAction => ({ kind: 'copy', command });
const UNREACHABLE = new Set<BannerCause | undefined>(['refused', 'timeout', 'down']);

export function bannerActions(b: RawBanner, ctx: ActionContext): BannerAction[] {
  // Info banners say what is under way ("Attempting to reconnect..."): nothing to do yet.
  if (b.kind === 'info') return [];
  const retry = b.source === 'chat' ? (ctx.replyRetryable ? [REPLY] : []) : b.source === 'history' || b.source === 'settings' ? [] : [CHECK];
  if (UNREACHABLE.has(b.cause)) {
    // Whatever raised it, the way out is Ollama answering again: retrying means checking.
    if (!ctx.local || ctx.helper === 'unknown') return [CHECK];
    return [ctx.helper === 'installed' ? START : copy(INSTALL_COMMAND), CHECK];
  }
  if (b.cause === 'forbidden') return [copy(ORIGINS_COMMAND), ...retry];
  if (b.cause === 'no-model') return [copy(PULL_COMMAND), CHECK];
  return retry;
}
