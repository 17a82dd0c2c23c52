// One streamed reply on one page: the simulator stamps each token as it leaves, the page stamps
// each text growth; matching text lengths to token boundaries gives each token's visible time.
import { SEL } from './browser.mjs';
import { measureClock } from './clock.mjs';
import { heapUsedBytes } from './heap.mjs';
import { installStreamProbe, takeStreamProbe } from './probe.mjs';

const PROMPT = 'Benchmark';

export { markdownReply, paragraphReply } from './replies.mjs';

/**
 * For each token, the first stamp at which the page showed at least the units up to its end.
 * @param {{ times: number[], lens: number[] }} probe
 * @param {Float64Array} ends
 */
function visibleTimes(probe, ends) {
  const visible = new Float64Array(ends.length).fill(Number.NaN);
  let j = 0;
  for (let i = 0; i < ends.length; i++) {
    const end = ends[i] ?? 0;
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
 * @property {number[][]} longFrames  long animation frames, [start, duration] on the shared clock
 * @property {number} heapBefore  bytes after load, after GC (NaN unless asked)
 * @property {number} heapAfter  bytes after the reply, after GC (NaN unless asked)
 */

/**
 * @param {import('./browser.mjs').Session} session
 * @param {import('../../tests/sim/server.mjs').Simulator} sim
 * @param {import('./browser.mjs').Kind} kind
 * @param {import('./replies.mjs').Reply & { tokensPerSecond: number, heap?: boolean, prepare?: (page: import('puppeteer').Page) => Promise<unknown> }} o
 *   prepare: runs on the loaded page before the probe, for experiments (e.g. a style override)
 * @returns {Promise<StreamRun>}
 */
export async function streamOnce(session, sim, kind, { text, tokens, units, ends: endsOf, tokensPerSecond, heap = false, prepare }) {
  const sent = new Float64Array(tokens.length).fill(Number.NaN);
  sim.configure({ tokensPerSecond, firstTokenDelayMs: 0, wholeLines: true, reply: () => text, onToken: (i, _t, at) => (sent[i] = at) });
  await session.reset();
  const page = await session.open(kind);
  try {
    const clock = await measureClock(page);
    const heapBefore = heap ? await heapUsedBytes(page) : Number.NaN;
    await prepare?.(page);
    await page.evaluate(installStreamProbe, units);
    await page.type(SEL.message, PROMPT);
    await page.click(SEL.send);
    // Generous but bounded: three times the emission time, plus slack for a slow machine.
    const timeout = 30_000 + (3 * tokens.length * 1000) / tokensPerSecond;
    await page.waitForFunction(() => /** @type {any} */ (window).__bench.doneAt > 0, { polling: 100, timeout });
    const probe = await page.evaluate(takeStreamProbe);
    if (probe.status !== 'done') throw new Error(`${kind}: the reply ended as "${probe.status}", not done`);
    const ends = endsOf(kind);
    const expected = ends[ends.length - 1] ?? 0;
    // Markdown rendering may add a newline between blocks (marked's output keeps one); anything more
    // than that would mean lost or duplicated text. Letters and digits must all be there, exactly.
    const slack = units === 'chars' ? 2 + expected / 1000 : 0;
    if (Math.abs(probe.total - expected) > slack) throw new Error(`${kind}: the page shows ${probe.total} ${units}, the reply has ${expected}`);
    const heapAfter = heap ? await heapUsedBytes(page) : Number.NaN;
    const visible = visibleTimes(probe, ends);
    if (sent.some(Number.isNaN) || visible.some(Number.isNaN)) throw new Error(`${kind}: some tokens were never stamped`);
    return { kind, sent, visible, clock, longTasks: probe.longTasks, longFrames: probe.longFrames, heapBefore, heapAfter };
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
  const during = (/** @type {number[][]} */ spans) => spans.filter(([s = 0, d = 0]) => s + d > firstSent && s < lastVisible).length;
  return { latencies, finishMs, emissionMs, longTasks: during(run.longTasks), longFrames: during(run.longFrames) };
}
