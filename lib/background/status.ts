/** The connection check: GET /api/tags with a 2 s timeout (docs/spec/seed-system.md). */
import type { Connection } from '../connections';
import type { OllamaApi } from '../ollama/client';
import { classifyError } from '../ollama/errors';
import type { BackgroundMessage } from '../protocol';

export type StatusMessage = Extract<BackgroundMessage, { type: 'status' }>;

/** `connection`: the one checked (the panel drops a status of a connection it has left). */
export async function checkStatus(api: OllamaApi, baseUrl: string, connection?: Pick<Connection, 'id' | 'name'>): Promise<StatusMessage> {
  const which = connection ? { connection: connection.id } : {};
  try {
    const [models, version] = await Promise.all([api.listModels(), api.version()]);
    return { type: 'status', state: 'running', models, baseUrl, ...which, ...(version ? { version } : {}) };
  } catch (err) {
    const failure = classifyError(err, { baseUrl, started: false, ...(connection ? { connection: connection.name } : {}) });
    // A 401, 403 or 5xx means something is listening: it is up but refusing us.
    const state = failure.kind === 'refused' || failure.kind === 'timeout' ? 'stopped' : 'running';
    return { type: 'status', state, models: [], baseUrl, ...which, failure };
  }
}
