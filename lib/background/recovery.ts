/**
 * Layer 2 (docs/spec/seed-system.md): the panel saw the connection drop mid-reply. Start Ollama if we can,
 * give it the customary 2 s, and check again; the panel words the outcome.
 */
import { t } from '../i18n';
import type { Post } from '../protocol';
import { type EnsureResult, ensureOllamaRunning, startFailure } from '../recovery/ensure';
import { askHost, installHint, type SendNative } from '../recovery/host';
import type { OllamaContext } from './context';
import { checkStatus } from './status';

/** The seed's words when Ollama is still down after recovery (docs/spec/seed-system.md). */
export const stillDown = () => t('recovery_still_down');

function failureText(r: Extract<EnsureResult, { ok: false }>): string {
  if (r.kind === 'not-installed') return `${stillDown()} ${installHint()}`;
  return r.kind === 'remote' ? r.message : startFailure(r.message);
}

/** `send` reaches the native host; tests pass a fake. */
export async function recover(ctx: OllamaContext, post: Post, sleep: (ms: number) => Promise<void>, send?: SendNative): Promise<void> {
  if (ctx.settings.autoStart) {
    const r = await ensureOllamaRunning(ctx.api, ctx.settings.baseUrl, send);
    if (!r.ok) {
      post({ type: 'recovery/result', ok: false, message: failureText(r) });
      return;
    }
  }
  await sleep(ctx.settings.retryDelayMs);
  const status = await checkStatus(ctx.api, ctx.settings.baseUrl, ctx.connection);
  post(status);
  post(status.state === 'running' && !status.failure ? { type: 'recovery/result', ok: true } : { type: 'recovery/result', ok: false, message: stillDown() });
}

/** What Settings shows about the host: installed, and the command it would run. */
export async function hostStatus(post: Post): Promise<void> {
  const r = await askHost('status');
  if (!r.installed) return post({ type: 'host/status', installed: false, command: null, url: null, error: r.error });
  if (!r.reply.ok) return post({ type: 'host/status', installed: true, command: null, url: null, error: r.reply.error });
  post({ type: 'host/status', installed: true, command: r.reply.command ?? null, url: r.reply.url ?? null });
}
