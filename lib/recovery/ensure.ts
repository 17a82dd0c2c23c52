/**
 * ensureOllamaRunning (seed-system.md, layer 1): if /api/tags answers, Ollama is up; else ask the
 * native host to run the user's start command (it polls until Ollama answers, up to 10 s).
 */
import type { OllamaApi } from '../ollama/client';
import { askHost, INSTALL_HINT, type SendNative } from './host';

export type EnsureResult =
  | { ok: true; started: boolean }
  | { ok: false; kind: 'not-installed' | 'start-failed'; message: string };

export async function ensureOllamaRunning(api: OllamaApi, send?: SendNative): Promise<EnsureResult> {
  try {
    await api.listModels();
    return { ok: true, started: false };
  } catch {
    // Not answering: the host's turn.
  }
  const result = await askHost('start', send);
  if (!result.installed) return { ok: false, kind: 'not-installed', message: INSTALL_HINT };
  if (!result.reply.ok) return { ok: false, kind: 'start-failed', message: result.reply.error };
  return { ok: true, started: result.reply.started ?? true };
}

/** "Failed to start Ollama: <reason>" (seed-system.md), without repeating the host's own prefix. */
export function startFailure(reason: string): string {
  return reason.startsWith('Failed to start Ollama') ? reason : `Failed to start Ollama: ${reason}`;
}
