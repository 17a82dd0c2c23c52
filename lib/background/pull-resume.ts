/**
 * A background that starts again (Chrome stopped the worker, Firefox unloaded the event page, an
 * update, a browser restart) resumes the pulls recorded as running (lib/storage/pulls.ts). Through
 * the same start as a panel's pull, so panels get its progress and can cancel it; Ollama picks up
 * from the layers it already has.
 *
 * After a browser restart Ollama is often not running yet. A pull is then not started into a
 * failure (which would forget it): its record stays, and it waits in memory until a connection
 * check finds that Ollama answering (a panel opening, the status clicked, a recovery that
 * started Ollama). Only pulls this start found waiting are resumed that way: a pull that ran in
 * this background's life and ended, or was cancelled, is never started again by a check.
 */
import type { Connection } from '../connections';
import type { ModelsApi } from '../ollama/client';
import type { PullRecord } from '../storage/pulls';
import { modelsApiFor, type OllamaContext } from './context';
import { explain } from './models-ops';
import type { Pulls } from './pulls';
import { checkStatus } from './status';

export interface PullResumeDeps {
  pulls: Pick<Pulls, 'start'>;
  records: { read(): Promise<PullRecord[]>; remove(name: string): Promise<void> };
  context(connectionId?: string): Promise<OllamaContext>;
  apiFor?: (connection: Connection) => ModelsApi;
  /** Whether Ollama answers on this context now (default: the connection check). */
  reachable?: (ctx: OllamaContext) => Promise<boolean>;
}

export interface PullResume {
  /** The background's start: each recorded pull goes on, or waits for its Ollama. */
  atStart(): Promise<void>;
  /** A connection check found Ollama answering on `connection` (an id): the pulls waiting for it go on. */
  ollamaUp(connection: string | undefined): Promise<void>;
}

const answers = async (ctx: OllamaContext) => {
  const status = await checkStatus(ctx.api, ctx.settings.baseUrl, ctx.connection);
  return status.state === 'running' && !status.failure;
};

export function createPullResume(deps: PullResumeDeps): PullResume {
  const apiFor = deps.apiFor ?? modelsApiFor;
  const reachable = deps.reachable ?? answers;
  const waiting = new Map<string, PullRecord>();

  const start = (rec: PullRecord, { connection, settings }: OllamaContext & { connection: Connection }) =>
    // start() ignores a model already being pulled (a panel asked first): never two at once.
    deps.pulls.start(rec.name, apiFor(connection), (e) => explain(e, settings.baseUrl, connection.name), connection.id);

  return {
    async atStart() {
      for (const rec of await deps.records.read()) {
        const ctx = await deps.context(rec.connection);
        // The connection was removed since: its pull is not moved to another server.
        if (!ctx.connection || (rec.connection && ctx.connection.id !== rec.connection)) {
          await deps.records.remove(rec.name);
          continue;
        }
        if (await reachable(ctx)) start(rec, { ...ctx, connection: ctx.connection });
        else waiting.set(rec.name, rec);
      }
    },
    async ollamaUp(connection) {
      for (const rec of [...waiting.values()]) {
        const ctx = await deps.context(rec.connection);
        if (!ctx.connection || ctx.connection.id !== connection || !waiting.delete(rec.name)) continue;
        start(rec, { ...ctx, connection: ctx.connection });
      }
    },
  };
}
