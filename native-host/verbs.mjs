// Requests → replies. A request is {"id"?: any, "verb": "ping"|"status"|"start"}; every other field
// is ignored, and verbs get no arguments at all: what runs and which URL is probed come from config.
import { HOST_NAME, VERSION } from './ids.mjs';
import { isOllamaUp } from './probe.mjs';
import { createStarter } from './start.mjs';

/** An echoed id longer than this (as JSON) is refused, so that a reply always stays tiny. */
export const MAX_ID_JSON = 1024;

const isObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);

/** handle(request) → reply; never throws. deps (tests): probe(url, ms), start(). */
export function createHandler(config, deps = {}) {
  const probe = deps.probe ?? isOllamaUp;
  const start = deps.start ?? createStarter(config, { probe });
  const verbs = new Map([
    ['ping', async () => ({ ok: true, version: VERSION, host: HOST_NAME })],
    [
      'status',
      async () => ({
        ok: true,
        running: await probe(config.url, config.probeTimeoutMs),
        url: config.url,
        command: config.command ?? null,
      }),
    ],
    ['start', () => start()],
  ]);

  return async function handle(request) {
    if (!isObject(request)) return { ok: false, error: 'Request must be a JSON object' };
    let idPart = {};
    if (Object.hasOwn(request, 'id')) {
      const idJson = JSON.stringify(request.id) ?? '';
      if (idJson.length > MAX_ID_JSON) return { ok: false, error: `id too large (max ${MAX_ID_JSON} bytes of JSON)` };
      idPart = { id: request.id };
    }
    const { verb } = request;
    if (typeof verb !== 'string' || verb === '') return { ...idPart, ok: false, error: 'Missing verb' };
    const run = verbs.get(verb);
    if (!run) return { ...idPart, ok: false, error: `Unknown verb: ${verb.slice(0, 100)}` };
    try {
      return { ...idPart, ...(await run()) };
    } catch (err) {
      return { ...idPart, ok: false, error: `Internal error: ${String(err?.message ?? err).slice(0, 500)}` };
    }
  };
}
