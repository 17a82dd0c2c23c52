/** What a request needs: the current settings, the connection it goes to and a client for that server. */
import { type Connection, headersOf, resolveConnection } from '../connections';
import { createModelsApi, createOllamaApi, type ModelsApi, type OllamaApi } from '../ollama/client';
import type { Settings } from '../settings';
import { readSettings } from '../storage/items';

export interface OllamaContext {
  /** `baseUrl` is the connection's: everything downstream (recovery, messages) follows it. */
  settings: Settings;
  api: OllamaApi;
  /** Absent only in tests' hand-made contexts. */
  connection?: Connection;
}

/**
 * Reads settings each time: the worker may have slept through a change. `connectionId` is what
 * the panel asked for; only an id travels, never a URL, and one no longer configured falls back
 * to the default connection.
 */
export async function currentContext(connectionId?: string): Promise<OllamaContext> {
  const settings = await readSettings();
  const connection = resolveConnection(settings, connectionId);
  return {
    settings: { ...settings, baseUrl: connection.baseUrl },
    api: createOllamaApi(connection.baseUrl, undefined, headersOf(connection)),
    connection,
  };
}

/** The Models view's client for a connection. */
export function modelsApiFor(connection: Connection): ModelsApi {
  return createModelsApi(connection.baseUrl, undefined, headersOf(connection));
}
