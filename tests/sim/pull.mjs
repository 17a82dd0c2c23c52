// @ts-check
// POST /api/pull and DELETE /api/delete: a registry of models that can be pulled, downloaded
// layer by layer at a set pace. Bytes already fetched are kept per model, so a pull cancelled
// (client gone) and started again resumes each layer where it stopped, as Ollama's blob cache does.
import { createHash } from 'node:crypto';
import { sleep } from './generate.mjs';
import { findModel, normalizeName } from './models.mjs';

export { DEFAULT_REGISTRY } from './models.mjs';
import { goJson } from './ndjson.mjs';
import { jsonBody, sendError, sendJson } from './respond.mjs';

/** @typedef {import('./respond.mjs').Ctx} Ctx */
/** @typedef {import('./models.mjs').SimModel} SimModel */

/**
 * The layers a model's manifest lists: the weights, then small template/license/params blobs.
 * @param {string} name
 */
export function layersOf(name) {
  /** @param {string} part */
  const digest = (part) =>
    `sha256:${createHash('sha256')
      .update(`${normalizeName(name)}/${part}`)
      .digest('hex')}`;
  return [
    { digest: digest('model'), total: 1_321_082_688 },
    { digest: digest('template'), total: 1_429 },
    { digest: digest('license'), total: 7_711 },
    { digest: digest('params'), total: 96 },
  ];
}

/** Steps each layer is cut into; pullMs is spread over the weights layer's steps. */
const STEPS = 20;

/** @param {Ctx} ctx */
export async function pull(ctx) {
  const parsed = jsonBody(ctx.raw, 'api.PullRequest');
  if ('error' in parsed) return sendError(ctx, 400, parsed.error);
  const raw = parsed.value.model || parsed.value.name;
  const name = typeof raw === 'string' ? raw.trim() : '';
  if (name === '') return sendError(ctx, 400, 'model is required');
  const { state } = ctx;
  const stream = parsed.value.stream !== false;
  // stream: false answers only the last line, as Ollama does.
  /** @param {Record<string, unknown>} value */
  const write = (value) => {
    if (stream) ctx.res.write(`${goJson(value)}\n`);
  };
  ctx.commit(200);
  if (stream) ctx.res.writeHead(200, { 'Content-Type': 'application/x-ndjson' });
  /** @param {Record<string, unknown>} last */
  const end = (last) => {
    if (stream) {
      ctx.res.end(`${goJson(last)}\n`);
    } else {
      const status = 'error' in last ? 500 : 200;
      ctx.rec.status = status;
      ctx.res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8' });
      ctx.res.end(goJson(last));
    }
  };
  write({ status: 'pulling manifest' });
  const wanted = findModel(state.opts.registry, name);
  if (state.opts.faults.pullError) return end({ error: state.opts.faults.pullError });
  if (!wanted) return end({ error: 'pull model manifest: file does not exist' });
  const key = normalizeName(name);
  const done = state.pulled.get(key) ?? new Map();
  state.pulled.set(key, done);
  const stepMs = state.opts.pullMs / STEPS;
  for (const layer of layersOf(name)) {
    const status = `pulling ${layer.digest.slice(7, 19)}`;
    const big = layer.total > 1e6;
    let completed = done.get(layer.digest) ?? 0;
    write({ status, digest: layer.digest, total: layer.total, completed });
    while (completed < layer.total) {
      if (big) await sleep(stepMs, ctx.signal);
      if (ctx.signal.aborted) return; // client gone: what we have is kept for the next pull
      completed = Math.min(layer.total, completed + (big ? Math.ceil(layer.total / STEPS) : layer.total));
      done.set(layer.digest, completed);
      write({ status, digest: layer.digest, total: layer.total, completed });
    }
  }
  write({ status: 'verifying sha256 digest' });
  write({ status: 'writing manifest' });
  state.pulled.delete(key);
  if (!findModel(state.opts.models, name)) state.opts.models = [...state.opts.models, { ...wanted, name: key }];
  end({ status: 'success' });
}

/** @param {Ctx} ctx */
export function remove(ctx) {
  const parsed = jsonBody(ctx.raw, 'api.DeleteRequest');
  if ('error' in parsed) return sendError(ctx, 400, parsed.error);
  const raw = parsed.value.model || parsed.value.name;
  const name = typeof raw === 'string' ? raw : '';
  if (name.trim() === '') return sendError(ctx, 400, 'model is required');
  const model = findModel(ctx.state.opts.models, name);
  if (!model) return sendError(ctx, 404, `model '${name}' not found`);
  ctx.state.opts.models = ctx.state.opts.models.filter((m) => m !== model);
  ctx.state.loaded.delete(model.name);
  sendJson(ctx, 200, null);
}
