// Case 2 (and 5, memory, from the same runs): a long reply at a fast model's speed. Does the page
// keep up (last token visible ÷ emission time), does it block its main thread (long tasks), and
// what does the reply leave on the JS heap once garbage is collected. Issue 6's reply is markdown
// with code; 2b streams one paragraph that never ends, the worst case for the browser's layout.
import { lagOfMedianRun } from '../lib/charts-data.mjs';
import { alternate, atMost, row } from '../lib/rows.mjs';
import { digest, markdownReply, paragraphReply, streamOnce } from '../lib/stream.mjs';
import { warmUp } from './warm-up.mjs';

const MB = 1024 * 1024;

/**
 * @param {import('./context.mjs').CaseContext} ctx
 * @param {import('../lib/replies.mjs').Reply} reply
 * @param {boolean} heap
 */
async function measure({ session, sim, opts, log }, reply, heap) {
  const { tokensPerSecond } = opts.throughput;
  const runs = await alternate(
    opts.runs,
    async (kind) => {
      const run = await streamOnce(session, sim, kind, { ...reply, tokensPerSecond, heap });
      return { run, ...digest(run) };
    },
    log,
  );
  return (/** @type {(r: (typeof runs.ours)[number]) => number} */ f) => ({ baseline: runs.baseline.map(f), ours: runs.ours.map(f), runs });
}

/** @param {import('./context.mjs').CaseContext} ctx */
export async function throughputCase(ctx) {
  const { tokens, tokensPerSecond } = ctx.opts.throughput;
  await warmUp(ctx.session, ctx.sim);
  ctx.log('  markdown with code');
  const md = await measure(ctx, markdownReply(tokens), true);
  ctx.log('  one growing paragraph');
  const para = await measure(ctx, paragraphReply(tokens), true);
  const size = `${tokens.toLocaleString('en')}-token reply`;
  const keepUp = md((r) => r.finishMs / r.emissionMs);
  const lag = (/** @type {ReturnType<typeof md>} */ k) => ({
    baseline: lagOfMedianRun(
      k.runs.baseline.map((r) => r.run),
      k.baseline,
    ),
    ours: lagOfMedianRun(
      k.runs.ours.map((r) => r.run),
      k.ours,
    ),
  });
  const paraKeepUp = para((r) => r.finishMs / r.emissionMs);
  const heapAfter = md((r) => r.run.heapAfter / MB);
  const heapGrowth = md((r) => (r.run.heapAfter - r.run.heapBefore) / MB);
  const paraHeap = para((r) => r.run.heapAfter / MB);
  const throughput = {
    id: 'throughput',
    title: `2. Throughput: a ${size} of markdown with code at ${tokensPerSecond.toLocaleString('en')} tokens/s`,
    rows: [
      row('last token visible ÷ emission time', '×', keepUp.baseline, keepUp.ours, atMost(1.02, '')),
      row('long tasks (> 50 ms) during the stream', 'count', ...pair(md((r) => r.longTasks)), atMost(0, '')),
      row('long animation frames (> 50 ms, layout included)', 'count', ...pair(md((r) => r.longFrames))),
      row('emission time (first → last token sent)', 'ms', ...pair(md((r) => r.emissionMs))),
    ],
    charts: [{ kind: 'lag', title: 'Lag behind the simulator along the reply (median run)', xLabel: 's since the first token was sent', series: lag(keepUp) }],
    notes: [
      'Progress on the page is counted in letters and digits (markup never shows as text); every one of them must be on the page at the end.',
      'A long task is a task over 50 ms that ran script; a long animation frame also counts the style, layout and paint of a frame, which the baseline page leaves to frames without script.',
    ],
  };
  const stress = {
    id: 'paragraph',
    title: `2b. Stress: the ${size} as one paragraph that only grows (no blank line)`,
    rows: [
      row('last token visible ÷ emission time', '×', paraKeepUp.baseline, paraKeepUp.ours),
      row('long tasks (> 50 ms) during the stream', 'count', ...pair(para((r) => r.longTasks))),
      row('long animation frames (> 50 ms, layout included)', 'count', ...pair(para((r) => r.longFrames))),
    ],
    charts: [
      { kind: 'lag', title: 'Lag behind the simulator along the paragraph (median run)', xLabel: 's since the first token was sent', series: lag(paraKeepUp) },
    ],
    notes: [
      'Chromium lays out a paragraph again as a whole each time it grows, so a frame costs time proportional to the paragraph so far in both pages; the rows show how much of it lands in tasks that also run script.',
    ],
  };
  const memory = {
    id: 'memory',
    title: '5a. Memory after a long reply (the markdown reply of case 2): JS heap after a forced GC (CDP HeapProfiler.collectGarbage, Runtime.getHeapUsage)',
    rows: [
      row(`heap after the ${size}`, 'MB', heapAfter.baseline, heapAfter.ours, atMost(5, 'MB')),
      row(`heap growth over the ${size}`, 'MB', heapGrowth.baseline, heapGrowth.ours),
      row(`heap after the ${size} as one paragraph (2b)`, 'MB', paraHeap.baseline, paraHeap.ours),
    ],
    charts: [],
    notes: [
      "The heap is the extension renderer's isolate with only this page open, measured after the probe's own records were dropped.",
      "Most of what the reply used to leave (5.66 MB) was machine code V8 compiled for marked's rules and highlight.js's grammars, kept as long as their RegExps live; the panel renews those when a reply ends (npm run bench:heap shows what is left).",
    ],
  };
  return [throughput, stress, memory];
}

/** @param {{ baseline: number[], ours: number[] }} v @returns {[number[], number[]]} */
function pair(v) {
  return [v.baseline, v.ours];
}
