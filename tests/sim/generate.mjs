// @ts-check
// Producing a reply: which tokens, at what pace, and what the injected faults do to it.
import { setTimeout as timeout } from 'node:timers/promises';
import { rfc3339 } from './models.mjs';
import { GARBAGE_LINES, createWire, goJson, nextMacrotask } from './ndjson.mjs';
import { defaultReply, defaultThinking, splitTokens } from './replies.mjs';
import { send, sendJson } from './respond.mjs';
import { tokenIntervalMs } from './state.mjs';

/** @typedef {import('./respond.mjs').Ctx} Ctx */
/** @typedef {import('./server.mjs').SimFaults} SimFaults */
/** @typedef {{ content: string, thinking?: string }} Piece */
/**
 * @typedef {object} Plan
 * @property {string} model  as the request named it (Ollama echoes it unchanged)
 * @property {Piece[]} pieces  thinking tokens first, then content tokens
 * @property {string} doneReason
 * @property {number} promptEvalCount
 * @property {bigint} startedNs  when the request arrived
 * @property {bigint} loadedNs  when the model finished "loading"
 */

/**
 * Resolves after `ms`, or early (without throwing) once `signal` aborts.
 * @param {number} ms
 * @param {AbortSignal} signal
 */
export async function sleep(ms, signal) {
  if (signal.aborted) return;
  if (ms <= 0) return nextMacrotask();
  await timeout(ms, undefined, { signal }).catch(() => {});
}

/**
 * Ollama's window for a request: its num_ctx option, else Ollama's default on a machine with
 * under 24 GiB of VRAM (4,096; older releases used 2,048).
 * @param {unknown} numCtx
 */
export function contextWindow(numCtx) {
  const n = Number(numCtx);
  return Number.isSafeInteger(n) && n > 0 ? n : 4096;
}

/**
 * @param {Ctx} ctx
 * @param {Record<string, unknown>} body
 * @param {boolean} think
 * @param {bigint} startedNs
 * @returns {Plan}
 */
export function planReply(ctx, body, think, startedNs) {
  const { opts } = ctx.state;
  const model = String(body.model);
  const messages = /** @type {{ role: string, content: string }[]} */ (body.messages);
  const text = opts.reply ? opts.reply({ model, messages }) : defaultReply(messages, opts.replyTokens);
  /** @type {Piece[]} */
  let pieces = [
    ...(think ? splitTokens(defaultThinking(messages)).map((t) => ({ content: '', thinking: t })) : []),
    ...splitTokens(String(text)).map((t) => ({ content: t })),
  ];
  const options = /** @type {{ num_predict?: unknown, num_ctx?: unknown } | undefined} */ (body.options);
  const limit = Number(options?.num_predict ?? -1);
  let doneReason = 'stop';
  if (limit > 0 && limit < pieces.length) {
    pieces = pieces.slice(0, limit);
    doneReason = 'length';
  }
  // A chat template adds a handful of tokens around every message. Like Ollama, a prompt longer
  // than the window is cut to its last num_ctx tokens, silently: only the count shows it.
  const prompt = messages.reduce((n, m) => n + splitTokens(String(m.content ?? '')).length + 5, 1);
  const promptEvalCount = Math.min(prompt, contextWindow(options?.num_ctx));
  return { model, pieces, doneReason, promptEvalCount, startedNs, loadedNs: process.hrtime.bigint() };
}

/**
 * @param {Plan} plan
 * @param {number} evalCount
 */
function finalFields(plan, evalCount) {
  const now = process.hrtime.bigint();
  const load = Number(plan.loadedNs - plan.startedNs);
  return {
    done_reason: plan.doneReason,
    done: true,
    total_duration: Number(now - plan.startedNs) + 1000,
    load_duration: Math.round(load * 0.8) + 500,
    prompt_eval_count: plan.promptEvalCount,
    prompt_eval_duration: Math.round(load * 0.2) + 500,
    eval_count: evalCount,
    eval_duration: Number(now - plan.loadedNs),
  };
}

/**
 * The first token fault that fires with `sent` content tokens out; it ends the response itself.
 * @param {Ctx} ctx
 * @param {SimFaults} faults
 * @param {number} sent
 * @param {{ started: () => boolean, flush: () => Promise<void>, push?: (l: string, o?: { final?: boolean }) => Promise<void> }} out
 * @returns {Promise<boolean>} whether the response was ended (or abandoned) by a fault
 */
async function tokenFault(ctx, faults, sent, out) {
  const { res, signal } = ctx;
  if (faults.dieAfterTokens !== undefined && sent >= faults.dieAfterTokens) {
    await out.flush();
    res.socket?.destroy(); // no terminating chunk: the client sees a truncated body
    return true;
  }
  const err = faults.errorAfterTokens;
  if (err && sent >= err.n) {
    if (!out.started() || !out.push) {
      // Nothing sent yet: Go can still choose the status, so the error becomes a 500.
      send(ctx, 500, goJson({ error: err.message }), 'application/json; charset=utf-8');
    } else {
      await out.push(goJson({ error: err.message }), { final: true });
      res.end();
    }
    return true;
  }
  if (faults.stallAfterTokens !== undefined && sent >= faults.stallAfterTokens) {
    await out.flush();
    await new Promise((resolve) => (signal.aborted ? resolve(null) : signal.addEventListener('abort', resolve)));
    return true;
  }
  return false;
}

/**
 * @param {Ctx} ctx
 * @param {Plan} plan
 * @param {SimFaults} faults
 */
export async function streamReply(ctx, plan, faults) {
  const { res, signal, state } = ctx;
  const interval = tokenIntervalMs(state.opts.tokensPerSecond);
  const gap = interval > 0 ? () => sleep(Math.min(2, interval / 4), signal) : nextMacrotask;
  const wire = createWire(res, state.rand, gap, { whole: state.opts.wholeLines });
  const { onToken } = state.opts;
  /** @param {string} line @param {import('./ndjson.mjs').PushOptions} [o] */
  const push = (line, o) => {
    if (!res.headersSent) res.writeHead(200, { 'Content-Type': 'application/x-ndjson' });
    return wire.push(line, o);
  };
  let t0 = performance.now();
  let sent = 0;
  let paused = false;
  for (let i = 0; i <= plan.pieces.length; i++) {
    // Absolute targets keep the average rate right even when writes take time.
    if (i > 0 || interval === 0) await sleep(t0 + i * interval - performance.now(), signal);
    if (signal.aborted) return;
    const piece = plan.pieces[i];
    const pause = faults.pauseAfterTokens;
    if (pause && !paused && sent >= pause.n && piece?.thinking === undefined) {
      // A real model going quiet mid-reply (swapping, another request's turn): no bytes at all.
      paused = true;
      await wire.flush();
      await sleep(pause.ms, signal);
      if (signal.aborted) return;
      t0 += pause.ms;
    }
    if ((!piece || piece.thinking === undefined) && (await tokenFault(ctx, faults, sent, { ...wire, push }))) return;
    if (!piece) break;
    const message = { role: 'assistant', ...piece };
    const index = sent;
    const hook = onToken && piece.thinking === undefined ? { onWritten: (/** @type {number} */ at) => onToken(index, piece.content, at) } : undefined;
    await push(goJson({ model: plan.model, created_at: rfc3339(), message, done: false }), hook);
    if (piece.thinking === undefined) sent++;
    if (faults.garbageLines && (i === 0 || state.rand() < 0.3)) {
      await push(GARBAGE_LINES[Math.floor(state.rand() * GARBAGE_LINES.length)] ?? '');
    }
  }
  const message = { role: 'assistant', content: '' };
  const last = { model: plan.model, created_at: rfc3339(), message, ...finalFields(plan, plan.pieces.length) };
  await push(goJson(last), { final: true });
  res.end();
}

/**
 * stream:false — the client waits for the whole generation, then gets one object.
 * @param {Ctx} ctx
 * @param {Plan} plan
 * @param {SimFaults} faults
 */
export async function wholeReply(ctx, plan, faults) {
  const { signal, state } = ctx;
  const interval = tokenIntervalMs(state.opts.tokensPerSecond);
  const t0 = performance.now();
  const contentCount = plan.pieces.filter((p) => p.thinking === undefined).length;
  const at = (/** @type {number} */ n) => plan.pieces.length - contentCount + n;
  const nothingSent = { started: () => false, flush: async () => {} };
  const thresholds = [faults.dieAfterTokens, faults.errorAfterTokens?.n, faults.stallAfterTokens];
  const n = Math.min(...thresholds.map((x) => x ?? Number.POSITIVE_INFINITY));
  if (n <= contentCount) {
    await sleep(t0 + at(n) * interval - performance.now(), signal);
    if (signal.aborted || (await tokenFault(ctx, faults, n, nothingSent))) return;
  }
  await sleep(t0 + plan.pieces.length * interval - performance.now(), signal);
  if (signal.aborted) return;
  const content = plan.pieces.map((p) => p.content).join('');
  const thinking = plan.pieces.map((p) => p.thinking ?? '').join('');
  const message = { role: 'assistant', content, ...(thinking ? { thinking } : {}) };
  sendJson(ctx, 200, { model: plan.model, created_at: rfc3339(), message, ...finalFields(plan, plan.pieces.length) });
}
