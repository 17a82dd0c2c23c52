// @ts-check
// Writing whole (non-streamed) responses with the headers Go's net/http and gin would send.
import { goJson } from './ndjson.mjs';

/**
 * One request as received, with the status it was answered with.
 * @typedef {object} SimRequest
 * @property {string} method
 * @property {string} path pathname, without the query
 * @property {string | undefined} origin
 * @property {Record<string, string | string[] | undefined>} headers
 * @property {unknown} body parsed JSON when the body is JSON, the raw text otherwise, undefined when empty
 * @property {number} status
 */
/** @typedef {import('./state.mjs').State} State */

/**
 * One request being answered.
 * @typedef {object} Ctx
 * @property {import('node:http').IncomingMessage} req
 * @property {import('node:http').ServerResponse} res
 * @property {Buffer} raw  the request body
 * @property {SimRequest} rec  its log entry
 * @property {State} state
 * @property {AbortSignal} signal  aborts when the connection closes (client gone or sim closed)
 * @property {(status: number) => void} commit  records the status and logs the request (once)
 */

/**
 * @param {Ctx} ctx
 * @param {number} status
 * @param {string | Buffer} body
 * @param {string | undefined} contentType  none for empty bodies, like gin's AbortWithStatus
 * @param {Record<string, string>} [headers]
 */
export function send(ctx, status, body, contentType, headers = {}) {
  ctx.commit(status);
  const bytes = Buffer.from(body);
  /** @type {Record<string, string>} */
  const all = { ...headers, 'Content-Length': String(bytes.length) };
  if (contentType) all['Content-Type'] = contentType;
  ctx.res.writeHead(status, all);
  ctx.res.end(bytes);
}

/**
 * @param {Ctx} ctx
 * @param {number} status
 * @param {unknown} value
 */
export function sendJson(ctx, status, value) {
  send(ctx, status, goJson(value), 'application/json; charset=utf-8');
}

/**
 * @param {Ctx} ctx
 * @param {number} status
 * @param {string} message
 */
export const sendError = (ctx, status, message) => sendJson(ctx, status, { error: message });

/**
 * Bodies are small here; reading them whole keeps every handler synchronous after this point.
 * @param {import('node:http').IncomingMessage} req
 * @returns {Promise<Buffer>}
 */
export function readBody(req) {
  return new Promise((resolve) => {
    /** @type {Buffer[]} */
    const parts = [];
    req.on('data', (d) => parts.push(d));
    req.on('end', () => resolve(Buffer.concat(parts)));
    // An aborted upload: answer as if empty, the response goes nowhere anyway.
    req.on('error', () => resolve(Buffer.concat(parts)));
  });
}

/**
 * The JSON body of a POST handler, or the error Ollama answers for it.
 * @param {Buffer} raw
 * @param {string} goType  named in Go's unmarshal error, e.g. 'api.ChatRequest'
 * @returns {{ value: Record<string, unknown> } | { error: string }}
 */
export function jsonBody(raw, goType) {
  if (raw.length === 0) return { error: 'missing request body' };
  let value;
  try {
    value = JSON.parse(raw.toString('utf8'));
  } catch (e) {
    return { error: /** @type {Error} */ (e).message };
  }
  if (value === null) return { value: {} }; // Go decodes `null` into an empty struct
  if (typeof value !== 'object' || Array.isArray(value)) {
    const kind = Array.isArray(value) ? 'array' : typeof value === 'boolean' ? 'bool' : typeof value;
    return { error: `json: cannot unmarshal ${kind} into Go value of type ${goType}` };
  }
  return { value };
}
