// @ts-check
// POST /api/generate without a prompt: Ollama's way to load a model, or with keep_alive 0 to
// unload it ("done_reason":"unload"). Prompted generation is not simulated: the extension chats.
import { sleep } from './generate.mjs';
import { findModel, rfc3339 } from './models.mjs';
import { jsonBody, sendError, sendJson } from './respond.mjs';
import { keepAliveMs } from './state.mjs';

/** @typedef {import('./respond.mjs').Ctx} Ctx */

/** @param {Ctx} ctx */
export async function generate(ctx) {
  const parsed = jsonBody(ctx.raw, 'api.GenerateRequest');
  if ('error' in parsed) return sendError(ctx, 400, parsed.error);
  const body = parsed.value;
  const name = typeof body.model === 'string' ? body.model : '';
  if (name.trim() === '') return sendError(ctx, 400, 'model is required');
  const model = findModel(ctx.state.opts.models, name);
  if (!model) return sendError(ctx, 404, `model '${name}' not found`);
  if (typeof body.prompt === 'string' && body.prompt !== '') {
    return sendError(ctx, 501, 'simulator: /api/generate with a prompt is not simulated');
  }
  const keepMs = keepAliveMs(body.keep_alive);
  /** @param {string} reason */
  const done = (reason) => ({ model: name, created_at: rfc3339(), response: '', done: true, done_reason: reason });
  if (keepMs === 0) {
    ctx.state.loaded.delete(model.name);
    return sendJson(ctx, 200, done('unload'));
  }
  await sleep(ctx.state.opts.firstTokenDelayMs, ctx.signal);
  ctx.state.loaded.set(model.name, { model, contextLength: 4096, expiresAt: Date.now() + keepMs });
  sendJson(ctx, 200, done('load'));
}
