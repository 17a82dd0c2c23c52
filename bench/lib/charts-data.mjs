// Chart series computed from raw runs, kept small enough for results.json and the report.
import { median, quantile } from './stats.mjs';

/**
 * Cumulative distribution of every token's latency, all runs pooled: [latency ms, fraction].
 * @param {Float64Array[]} perRun
 */
export function cdf(perRun) {
  const all = Float64Array.from(perRun.flatMap((l) => Array.from(l)));
  return Array.from({ length: 201 }, (_, i) => [quantile(all, i / 200), i / 200]);
}

/**
 * How far the page trails the simulator along the reply, for the run with the median finish
 * time: [seconds since the first token left, ms from leaving to visible], the worst per stretch.
 * @param {import('./stream.mjs').StreamRun[]} runs
 * @param {number[]} finishes  same order as runs
 */
export function lagOfMedianRun(runs, finishes) {
  const m = median(finishes);
  let best = 0;
  for (let i = 1; i < finishes.length; i++) if (Math.abs((finishes[i] ?? 0) - m) < Math.abs((finishes[best] ?? 0) - m)) best = i;
  const run = runs[best];
  if (!run) return [];
  const t0 = run.sent[0] ?? 0;
  // The worst token of each stretch: thinning by index would hide exactly the spikes that matter.
  const buckets = 400;
  const size = Math.ceil(run.sent.length / buckets);
  const points = [];
  for (let from = 0; from < run.sent.length; from += size) {
    let worst = from;
    for (let i = from; i < Math.min(from + size, run.sent.length); i++) {
      if ((run.visible[i] ?? 0) - (run.sent[i] ?? 0) > (run.visible[worst] ?? 0) - (run.sent[worst] ?? 0)) worst = i;
    }
    points.push([((run.sent[worst] ?? 0) - t0) / 1000, (run.visible[worst] ?? 0) - (run.sent[worst] ?? 0)]);
  }
  return points;
}
