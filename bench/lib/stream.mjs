// One streamed reply on one page: the simulator stamps each token as it leaves, the page stamps
// each text growth; matching text lengths to token boundaries gives each token's visible time.
import { splitTokens } from '../../tests/sim/server.mjs';
import { SEL } from './browser.mjs';
import { measureClock } from './clock.mjs';
import { heapUsedBytes } from './heap.mjs';
import { installStreamProbe, takeStreamProbe } from './probe.mjs';

const PROMPT = 'Benchmark';
const SENTENCE = ' The quick brown fox jumps over a lazy dog, 🦙 café 你好.';

/**
 * A reply of exactly `count` tokens with no blank lines: one paragraph that only grows, which is
 * the worst case for layout, the same in both pages.
 * @param {number} count
 */
export function replyTokens(count) {
  const words = splitTokens(SENTENCE);
  const text = Array.from({ length: count }, (_, i) => words[i % words.length]).join('');
  const tokens = splitTokens(text);
  if (tokens.length !== count) throw new Error(`reply has ${tokens.length} tokens, wanted ${count}`);
  return { text, tokens };
}

/**
 * For each token, the first stamp at which the page showed at least the text up to its end.
 * @param {{ times: number[], lens: number[] }} probe
 * @param {string[]} tokens
 */
function visibleTimes(probe, tokens) {
  const visible = new Float64Array(tokens.length).fill(Number.NaN);
  let end = 0;
  let j = 0;
  for (let i = 0; i < tokens.length; i++) {
    end += /** @type {string} */ (tokens[i]).length;
    while (j < probe.lens.length && (probe.lens[j] ?? 0) < end) j++;
    if (j === probe.lens.length) break;
    visible[i] = probe.times[j] ?? Number.NaN;
  }
  return visible;
}

/**
 * @typedef {object} StreamRun
 * @property {import('./browser.mjs').Kind} kind
 * @property {Float64Array} sent  per token, shared clock (ms)
 * @property {Float64Array} visible  per token, shared clock (ms)
 * @property {{ offsetMs: number, boundMs: number }} clock
 * @property {number[][]} longTasks  [start, duration] on the shared clock
 * @property {number} heapBefore  bytes after load, after GC (NaN unless asked)
 * @property {number} heapAfter  bytes after the reply, after GC (NaN unless asked)
 */

/**
 * @param {import('./browser.mjs').Session} session
 * @param {import('../../tests/sim/server.mjs').Simulator} sim
 * @param {import('./browser.mjs').Kind} kind
 * @param {{ text: string, tokens: string[], tokensPerSecond: number, heap?: boolean, prepare?: (page: import('puppeteer').Page) => Promise<unknown> }} o
 *   prepare: runs on the loaded page before the probe, for experiments (e.g. a style override)
 * @returns {Promise<StreamRun>}
 */
export async function streamOnce(session, sim, kind, { text, tokens, tokensPerSecond, heap = false, prepare }) {
  const sent = new Float64Array(tokens.length).fill(Number.NaN);
  sim.configure({ tokensPerSecond, firstTokenDelayMs: 0, wholeLines: true, reply: () => text, onToken: (i, _t, at) => (sent[i] = at) });
  await session.reset();
  const page = await session.open(kind);
  try {
    const clock = await measureClock(page);
    const heapBefore = heap ? await heapUsedBytes(page) : Number.NaN;
    await prepare?.(page);
    await page.evaluate(installStreamProbe);
    await page.type(SEL.message, PROMPT);
    await page.click(SEL.send);
    // Generous but bounded: three times the emission time, plus slack for a slow machine.
    const timeout = 30_000 + (3 * tokens.length * 1000) / tokensPerSecond;
    await page.waitForFunction(() => /** @type {any} */ (window).__bench.doneAt > 0, { polling: 100, timeout });
    const probe = await page.evaluate(takeStreamProbe);
    if (probe.status !== 'done') throw new Error(`${kind}: the reply ended as "${probe.status}", not done`);
    // Markdown rendering may add a newline between blocks (marked's output keeps one); anything more
    // than that would mean lost or duplicated text.
    if (Math.abs(probe.total - text.length) > 2 + text.length / 1000) throw new Error(`${kind}: the page shows ${probe.total} characters, the reply has ${text.length}`);
    const heapAfter = heap ? await heapUsedBytes(page) : Number.NaN;
    const visible = visibleTimes(probe, tokens);
    if (sent.some(Number.isNaN) || visible.some(Number.isNaN)) throw new Error(`${kind}: some tokens were never stamped`);
    return { kind, sent, visible, clock, longTasks: probe.longTasks, heapBefore, heapAfter };
  } finally {
    await page.close().catch(() => {});
    sim.configure({ onToken: undefined });
  }
}

/**
 * Per-run numbers derived from the stamps.
 * @param {StreamRun} run
 */
export function digest(run) {
  const n = run.sent.length;
  const latencies = run.visible.map((v, i) => v - (run.sent[i] ?? 0));
  const firstSent = run.sent[0] ?? 0;
  const lastVisible = run.visible[n - 1] ?? 0;
  const finishMs = lastVisible - firstSent;
  const emissionMs = (run.sent[n - 1] ?? 0) - firstSent;
  // Long tasks that overlap the stream, from the first token's send to the last token shown.
  const longTasks = run.longTasks.filter(([s = 0, d = 0]) => s + d > firstSent && s < lastVisible).length;
  return { latencies, finishMs, emissionMs, longTasks };
}
