// @ts-check
// The route table and the small endpoints. Not-found and wrong-method answers are gin's defaults.
import { chat } from './chat.mjs';
import { generate } from './load.mjs';
import { findModel, psEntry, showEntry, tagsEntry } from './models.mjs';
import { pull, remove } from './pull.mjs';
import { jsonBody, send, sendError, sendJson } from './respond.mjs';

/** @typedef {import('./respond.mjs').Ctx} Ctx */
/** @typedef {(ctx: Ctx) => void | Promise<void>} Handler */

/** @type {Handler} */
const root = (ctx) => send(ctx, 200, 'Ollama is running', 'text/plain; charset=utf-8');

/** @type {Handler} */
const version = (ctx) => sendJson(ctx, 200, { version: ctx.state.opts.version });

/** @type {Handler} */
const tags = (ctx) => sendJson(ctx, 200, { models: ctx.state.opts.models.map(tagsEntry) });

/** @type {Handler} */
const ps = (ctx) => {
  const now = Date.now();
  const models = [...ctx.state.loaded.values()]
    // A model removed with configure({ models }) is gone from memory too.
    .filter((l) => l.expiresAt > now && findModel(ctx.state.opts.models, l.model.name))
    .map((l) => psEntry(l.model, Math.min(l.expiresAt, 1e13), l.contextLength));
  sendJson(ctx, 200, { models });
};

/** @type {Handler} */
const show = (ctx) => {
  const parsed = jsonBody(ctx.raw, 'api.ShowRequest');
  if ('error' in parsed) return sendError(ctx, 400, parsed.error);
  // `name` is the deprecated spelling older clients still send.
  const raw = parsed.value.model || parsed.value.name;
  const name = typeof raw === 'string' ? raw : '';
  if (name === '') return sendError(ctx, 400, 'model is required');
  const model = findModel(ctx.state.opts.models, name);
  if (!model) return sendError(ctx, 404, `model '${name}' not found`);
  sendJson(ctx, 200, showEntry(model));
};

/** @type {Record<string, Record<string, Handler>>} */
const ROUTES = {
  '/': { GET: root, HEAD: root },
  '/api/version': { GET: version, HEAD: version },
  '/api/tags': { GET: tags, HEAD: tags },
  '/api/ps': { GET: ps },
  '/api/show': { POST: show },
  '/api/chat': { POST: chat },
  '/api/generate': { POST: generate },
  '/api/pull': { POST: pull },
  '/api/delete': { DELETE: remove },
};

/**
 * @param {Ctx} ctx
 * @param {string} path
 */
export async function route(ctx, path) {
  const methods = ROUTES[path];
  if (!methods) return send(ctx, 404, '404 page not found', 'text/plain');
  const handler = methods[ctx.req.method ?? ''];
  if (!handler) {
    return send(ctx, 405, '405 method not allowed', 'text/plain', { Allow: Object.keys(methods).join(', ') });
  }
  await handler(ctx);
}
