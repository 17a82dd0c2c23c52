// Case 3: does the cost of a token grow with the reply? Finish time (first token sent → last
// token visible) of a large reply over a small one, ten times as long: 10 is linear.
import { lagOfMedianRun } from '../lib/charts-data.mjs';
import { alternate, atMost, row } from '../lib/rows.mjs';
import { digest, markdownReply, streamOnce } from '../lib/stream.mjs';
import { warmUp } from './warm-up.mjs';

/** @param {import('./context.mjs').CaseContext} ctx */
export async function scalingCase({ session, sim, opts, log }) {
  const { small, large, tokensPerSecond } = opts.scaling;
  const smallReply = markdownReply(small);
  const largeReply = markdownReply(large);
  await warmUp(session, sim);
  const runs = await alternate(
    opts.runs,
    async (kind) => {
      const s = digest(await streamOnce(session, sim, kind, { ...smallReply, tokensPerSecond }));
      const run = await streamOnce(session, sim, kind, { ...largeReply, tokensPerSecond });
      const l = digest(run);
      return { run, small: s.finishMs, large: l.finishMs, longTasks: l.longTasks, longFrames: l.longFrames };
    },
    log,
  );
  const of = (/** @type {(r: (typeof runs.ours)[number]) => number} */ f) => ({ baseline: runs.baseline.map(f), ours: runs.ours.map(f) });
  const ratio = of((r) => r.large / r.small);
  const smallMs = of((r) => r.small);
  const largeMs = of((r) => r.large);
  const longTasks = of((r) => r.longTasks);
  const longFrames = of((r) => r.longFrames);
  const k = (/** @type {number} */ n) => `${(n / 1000).toLocaleString('en')}k`;
  return {
    id: 'scaling',
    title: `3. Scaling: ${k(small)} vs ${k(large)} tokens of markdown with code at ${tokensPerSecond.toLocaleString('en')} tokens/s`,
    rows: [
      row(`finish-time ratio ${k(large)} ÷ ${k(small)}`, '×', ratio.baseline, ratio.ours, atMost(large / small + 0.5, ''), `${large / small} is linear`),
      row(`finish time, ${k(small)} tokens`, 'ms', smallMs.baseline, smallMs.ours),
      row(`finish time, ${k(large)} tokens`, 'ms', largeMs.baseline, largeMs.ours),
      row(`long tasks (> 50 ms) during the ${k(large)} reply`, 'count', longTasks.baseline, longTasks.ours),
      row(`long animation frames (> 50 ms) during the ${k(large)} reply`, 'count', longFrames.baseline, longFrames.ours),
    ],
    charts: [
      {
        kind: 'lag',
        title: `Lag behind the simulator along the ${k(large)} reply (median run)`,
        xLabel: 's since the first token was sent',
        series: {
          baseline: lagOfMedianRun(
            runs.baseline.map((r) => r.run),
            largeMs.baseline,
          ),
          ours: lagOfMedianRun(
            runs.ours.map((r) => r.run),
            largeMs.ours,
          ),
        },
      },
    ],
  };
}
