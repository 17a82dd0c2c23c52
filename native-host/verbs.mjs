// @ts-check
// Requests → replies. A request is {"id"?: any, "verb": "ping"|"status"|"start"}; every other field
// is ignored, and verbs get no arguments at all: what runs and which URL is probed come from config.
import { messageOf } from './errors.mjs';
import { HOST_NAME, VERSION } from './ids.mjs';
import { isOllamaUp } from './probe.mjs';
import { createStarter } from './start.mjs';

/** @import { HostConfig } from './config.mjs' */
/** @import { Probe } from './probe.mjs' */
/** @import { StartReply } from './start.mjs' */
/**
 * Replies: ping {ok, version, host}; status {ok, running, url, command}; start StartReply; errors {ok:false, error}.
 * @typedef {{ id?: unknown, ok: boolean, [field: string]: unknown }} Reply
 */

/** An echoed id longer than this (as JSON) is refused, so that a reply always stays tiny. */
export const MAX_ID_JSON = 1024;

/** @type {(v: unknown) => v is Record<string, unknown>} */
const isObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);

/**
 * handle(request) → reply; never throws. deps (tests): probe(url, ms), start().
 * @param {HostConfig} config
 * @param {{ probe?: Probe, start?: () => Promise<StartReply> }} [deps]
 * @returns {(request: unknown) => Promise<Reply>}
 */
export function createHandler(config, deps = {}) {
  const probe = deps.probe ?? isOllamaUp;
  const start = deps.start ?? createStarter(config, { probe });
  /** @type {Array<[string, () => Promise<Reply>]>} */
  const entries = [
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
  ];
  const verbs = new Map(entries);

  return async function handle(/** @type {unknown} */ request) {
    if (!isObject(request)) return { ok: false, error: 'Request must be a JSON object' };
    /** @type {{ id?: unknown }} */
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
      return { ...idPart, ok: false, error: `Internal error: ${messageOf(err).slice(0, 500)}` };
    }
  };
}
