/**
 * ensureOllamaRunning (docs/spec/seed-system.md, layer 1): if /api/tags answers, Ollama is up; else ask the
 * native host to run the user's start command (it polls until Ollama answers, up to 10 s).
 * The host can only start an Ollama on this machine, so for any other server it is never asked.
 */
import { t } from '../i18n';
import type { OllamaApi } from '../ollama/client';
import { isLoopbackUrl } from '../settings';
import { askHost, installHint, type SendNative } from './host';

export type EnsureResult = { ok: true; started: boolean } | { ok: false; kind: 'not-installed' | 'start-failed' | 'remote'; message: string };

/** What the user reads when the configured server is elsewhere and does not answer. */
export function remoteDown(baseUrl: string): string {
  return t('recovery_remote_down', new URL(baseUrl).host);
}

export async function ensureOllamaRunning(api: OllamaApi, baseUrl: string, send?: SendNative): Promise<EnsureResult> {
  try {
    await api.listModels();
    return { ok: true, started: false };
  } catch {
    // Not answering: the host's turn, if the server is ours to start.
  }
  // Starting a local Ollama would not bring a remote one back, and would run a server nobody asked for.
  if (!isLoopbackUrl(baseUrl)) return { ok: false, kind: 'remote', message: remoteDown(baseUrl) };
  const result = await askHost('start', send);
  if (!result.installed) return { ok: false, kind: 'not-installed', message: installHint() };
  if (!result.reply.ok) return { ok: false, kind: 'start-failed', message: result.reply.error };
  return { ok: true, started: result.reply.started ?? true };
}

/** "Failed to start Ollama: <reason>" (docs/spec/seed-system.md), without repeating the host's own prefix. */
export function startFailure(reason: string): string {
  return reason.startsWith('Failed to start Ollama') ? reason : t('recovery_start_failed', reason);
}
