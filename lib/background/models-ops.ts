/** The Models view's requests: list, unload, delete (pulls are in lib/background/pulls.ts). */
import { t } from '../i18n';
import type { ModelsApi } from '../ollama/client';
import { classifyError } from '../ollama/errors';
import type { ModelsReply } from '../protocol-models';

/**
 * Ollama's own words when it answered with an error; an explained failure when it did not answer
 * or a proxy refused the connection's credentials (`connection`: its name).
 */
export function explain(e: unknown, baseUrl: string, connection?: string): string {
  const said = (e as { error?: unknown } | null)?.error;
  const status = (e as { status_code?: unknown } | null)?.status_code;
  const ctx = { baseUrl, started: false, ...(connection ? { connection } : {}) };
  if (e instanceof Error && e.name === 'ResponseError' && (status === 401 || status === 407)) return classifyError(e, ctx).message;
  if (e instanceof Error && e.name === 'ResponseError' && typeof said === 'string') return said;
  if (e instanceof TypeError) return classifyError(e, ctx).message;
  return e instanceof Error ? e.message : String(e);
}

type PostModels = (msg: ModelsReply) => void;

export async function listModels(api: ModelsApi, baseUrl: string, post: PostModels, connection?: string): Promise<void> {
  try {
    const [installed, loaded] = await Promise.all([api.installed(), api.loaded()]);
    post({ type: 'models/list', installed, loaded });
  } catch (e) {
    post({ type: 'models/list', installed: [], loaded: [], error: explain(e, baseUrl, connection) });
  }
}

export async function changeModel(
  action: 'unload' | 'delete',
  name: string,
  api: ModelsApi,
  baseUrl: string,
  post: PostModels,
  connection?: string,
): Promise<void> {
  try {
    await (action === 'unload' ? api.unload(name) : api.remove(name));
    post({ type: 'models/result', action, name, ok: true, message: action === 'unload' ? t('models_ops_unloaded', name) : t('models_ops_deleted', name) });
  } catch (e) {
    post({ type: 'models/result', action, name, ok: false, message: explain(e, baseUrl, connection) });
  }
  // What is installed and loaded changed: every view of it is refreshed from Ollama.
  await listModels(api, baseUrl, post, connection);
}
