/**
 * A background that starts again (Chrome stopped the worker, Firefox unloaded the event page, an
 * update, a browser restart) resumes the pulls recorded as running (lib/storage/pulls.ts). Through
 * the same start as a panel's pull, so panels get its progress and can cancel it; Ollama picks up
 * from the layers it already has.
 */
import type { Connection } from '../connections';
import type { ModelsApi } from '../ollama/client';
import type { PullRecord } from '../storage/pulls';
import { modelsApiFor, type OllamaContext } from './context';
import { explain } from './models-ops';
import type { Pulls } from './pulls';

export interface PullResumeDeps {
  pulls: Pick<Pulls, 'start'>;
  records: { read(): Promise<PullRecord[]>; remove(name: string): Promise<void> };
  context(connectionId?: string): Promise<OllamaContext>;
  apiFor?: (connection: Connection) => ModelsApi;
}

export async function resumePulls(deps: PullResumeDeps): Promise<void> {
  const apiFor = deps.apiFor ?? modelsApiFor;
  for (const rec of await deps.records.read()) {
    const { connection, settings } = await deps.context(rec.connection);
    // The connection was removed since: its pull is not moved to another server.
    if (!connection || (rec.connection && connection.id !== rec.connection)) {
      await deps.records.remove(rec.name);
      continue;
    }
    // start() ignores a model already being pulled (a panel asked first): never two at once.
    deps.pulls.start(rec.name, apiFor(connection), (e) => explain(e, settings.baseUrl, connection.name), connection.id);
  }
}
