/**
 * Layer 1 of recovery (docs/spec/seed-system.md), the whole retry policy of a chat request: refused →
 * ask the host to start Ollama, once → wait retryDelayMs → send again, once. Only with auto-start
 * on, and only for an Ollama on this machine: another server's owner must start it, so that is
 * said at once. Any other failure ends the request as it came.
 */
import { t } from '../i18n';
import type { Failure } from '../protocol';
import { type EnsureResult, remoteDown, startFailure } from '../recovery/ensure';
import { isLoopbackUrl, type Settings } from '../settings';

export type NextStep = { kind: 'retry' } | { kind: 'stopped' } | { kind: 'fail'; failure: Failure };

export interface RetryDeps {
  settings: Pick<Settings, 'autoStart' | 'baseUrl' | 'retryDelayMs'>;
  /** ensureOllamaRunning for this request's server. */
  ensure(): Promise<EnsureResult>;
  sleep(ms: number): Promise<void>;
  /** The user pressed Stop: asked after each wait, since either can take seconds. */
  stopped(): boolean;
  /** Tells the panels a start is under way. */
  recovering(message: string): void;
}

/** The failure after a recovery attempt that did not bring Ollama back. */
function afterFailedRecovery(failure: Failure, r: Extract<EnsureResult, { ok: false }>): Failure {
  if (r.kind === 'remote') return { kind: 'refused', message: r.message };
  return r.kind === 'not-installed' ? { ...failure, message: `${failure.message} ${r.message}` } : { kind: 'refused', message: startFailure(r.message) };
}

/** One request's policy: call it after each failed attempt to learn what comes next. */
export function retryPolicy(deps: RetryDeps): (failure: Failure) => Promise<NextStep> {
  let retried = false;
  return async (failure) => {
    const { autoStart, baseUrl, retryDelayMs } = deps.settings;
    if (failure.kind !== 'refused' || !autoStart) return { kind: 'fail', failure };
    if (!isLoopbackUrl(baseUrl)) return { kind: 'fail', failure: { kind: 'refused', message: remoteDown(baseUrl) } };
    if (retried || deps.stopped()) return { kind: 'fail', failure };
    retried = true;
    deps.recovering(t('recovery_starting'));
    const started = await deps.ensure();
    if (started.ok && !deps.stopped()) await deps.sleep(retryDelayMs);
    if (deps.stopped()) return { kind: 'stopped' };
    return started.ok ? { kind: 'retry' } : { kind: 'fail', failure: afterFailedRecovery(failure, started) };
  };
}
