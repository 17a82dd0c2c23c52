// Case 2 (and 5, memory, from the same runs): a long reply at a fast model's speed. Does the page
// keep up (last token visible ÷ emission time), does it block its main thread (long tasks), and
// what does the reply leave on the JS heap once garbage is collected.
import { lagOfMedianRun } from '../lib/charts-data.mjs';
import { alternate, atMost, row } from '../lib/rows.mjs';
import { digest, replyTokens, streamOnce } from '../lib/stream.mjs';
import { warmUp } from './warm-up.mjs';

const MB = 1024 * 1024;

/** @param {import('./context.mjs').CaseContext} ctx */
export async function throughputCase({ session, sim, opts, log }) {
  const { tokens, tokensPerSecond } = opts.throughput;
  const reply = replyTokens(tokens);
  await warmUp(session, sim);
  const runs = await alternate(
    opts.runs,
    async (kind) => {
      const run = await streamOnce(session, sim, kind, { ...reply, tokensPerSecond, heap: true });
      const { finishMs, emissionMs, longTasks } = digest(run);
      return { run, finishMs, emissionMs, longTasks };
    },
    log,
  );
  const of = (/** @type {(r: (typeof runs.ours)[number]) => number} */ f) => ({ baseline: runs.baseline.map(f), ours: runs.ours.map(f) });
  const keepUp = of((r) => r.finishMs / r.emissionMs);
  const longTasks = of((r) => r.longTasks);
  const emission = of((r) => r.emissionMs);
  const heapAfter = of((r) => r.run.heapAfter / MB);
  const heapGrowth = of((r) => (r.run.heapAfter - r.run.heapBefore) / MB);
  const size = `${tokens.toLocaleString('en')}-token reply`;
  const throughput = {
    id: 'throughput',
    title: `2. Throughput: a ${size} at ${tokensPerSecond.toLocaleString('en')} tokens/s`,
    rows: [
      row('last token visible ÷ emission time', '×', keepUp.baseline, keepUp.ours, atMost(1.02, '')),
      row('long tasks (> 50 ms) during the stream', 'count', longTasks.baseline, longTasks.ours, atMost(0, '')),
      row('emission time (first → last token sent)', 'ms', emission.baseline, emission.ours),
    ],
    charts: [
      {
        kind: 'lag',
        title: 'Lag behind the simulator along the reply (median run)',
        xLabel: 's since the first token was sent',
        series: {
          baseline: lagOfMedianRun(runs.baseline.map((r) => r.run), keepUp.baseline),
          ours: lagOfMedianRun(runs.ours.map((r) => r.run), keepUp.ours),
        },
      },
    ],
  };
  const memory = {
    id: 'memory',
    title: '5a. Memory after a long reply: JS heap after a forced GC (CDP HeapProfiler.collectGarbage, Runtime.getHeapUsage)',
    rows: [
      row(`heap after the ${size}`, 'MB', heapAfter.baseline, heapAfter.ours, atMost(5, 'MB')),
      row(`heap growth over the ${size}`, 'MB', heapGrowth.baseline, heapGrowth.ours),
    ],
    charts: [],
    notes: ['The heap is the extension renderer\'s isolate with only this page open, measured after the probe\'s own records were dropped.'],
  };
  return [throughput, memory];
}
