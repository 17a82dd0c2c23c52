// @ts-check
// POST /api/chat: the checks in the order Ollama's ChatHandler makes them, then the reply.
import { planReply, sleep, streamReply, wholeReply } from './generate.mjs';
import { capabilitiesOf, findModel, normalizeName, rfc3339 } from './models.mjs';
import { jsonBody, send, sendError, sendJson } from './respond.mjs';
import { keepAliveMs, takeChatFaults } from './state.mjs';

/** @typedef {import('./respond.mjs').Ctx} Ctx */

/**
 * The fully qualified name Ollama's capability errors print.
 * @param {string} name
 */
function qualified(name) {
  const n = normalizeName(name);
  return n.includes('/') ? `registry.ollama.ai/${n}` : `registry.ollama.ai/library/${n}`;
}

/** @param {unknown} think */
const thinkRequested = (think) => think === true || (typeof think === 'string' && think !== '');

/** @param {Ctx} ctx */
export async function chat(ctx) {
  const startedNs = process.hrtime.bigint();
  const { state } = ctx;
  const faults = takeChatFaults(state);
  const parsed = jsonBody(ctx.raw, 'api.ChatRequest');
  if ('error' in parsed) return sendError(ctx, 400, parsed.error);
  const body = parsed.value;
  const name = typeof body.model === 'string' ? body.model : '';
  if (name.trim() === '') return sendError(ctx, 400, 'model is required');
  const model = findModel(state.opts.models, name);
  if (!model) return sendError(ctx, 404, `model '${name}' not found`);

  const caps = capabilitiesOf(model);
  const canThink = caps.includes('thinking');
  if (!canThink && thinkRequested(body.think)) {
    return sendError(ctx, 400, `${JSON.stringify(name)} does not support thinking`);
  }
  if (!caps.includes('completion')) return sendError(ctx, 400, `${JSON.stringify(name)} does not support chat`);
  if (Array.isArray(body.tools) && body.tools.length > 0 && !caps.includes('tools')) {
    return sendError(ctx, 400, `${qualified(name)} does not support tools`);
  }
  // The scheduler answers "busy" only for requests that passed the checks above.
  if (faults.status) {
    const { code, body: text, contentType } = faults.status;
    return send(ctx, code, text, contentType ?? 'application/json; charset=utf-8');
  }

  ctx.commit(200);
  state.active++;
  try {
    const options = /** @type {{ num_ctx?: unknown } | undefined} */ (body.options);
    const contextLength = Number(options?.num_ctx) || 4096;
    const keep = () => ({ model, contextLength, expiresAt: Date.now() + keepAliveMs(body.keep_alive) });
    // Loading happens before anything is written: a client sees no status line until then.
    await sleep(state.opts.firstTokenDelayMs, ctx.signal);
    if (ctx.signal.aborted) return;
    state.loaded.set(model.name, keep());

    const messages = Array.isArray(body.messages) ? body.messages : [];
    if (messages.length === 0) {
      const message = { role: 'assistant', content: '' };
      return sendJson(ctx, 200, { model: name, created_at: rfc3339(), message, done_reason: 'load', done: true });
    }
    let plan;
    try {
      const think = canThink && body.think !== false && body.think !== '';
      plan = planReply(ctx, { ...body, messages }, think, startedNs);
    } catch (e) {
      // A throwing `reply` option: surfaces like a runner failure before the first token.
      return sendError(ctx, 500, e instanceof Error ? e.message : String(e));
    }
    await (body.stream === false ? wholeReply(ctx, plan, faults) : streamReply(ctx, plan, faults));
    state.loaded.set(model.name, keep());
  } finally {
    state.active--;
  }
}
