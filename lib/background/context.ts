/** What a request needs: the current settings and a client for the current base URL. */
import { createOllamaApi, type OllamaApi } from '../ollama/client';
import type { Settings } from '../settings';
import { readSettings } from '../storage/items';

export interface OllamaContext {
  settings: Settings;
  api: OllamaApi;
}

/** Reads settings each time: the worker may have slept through a change. */
export async function currentContext(): Promise<OllamaContext> {
  const settings = await readSettings();
  return { settings, api: createOllamaApi(settings.baseUrl) };
}
