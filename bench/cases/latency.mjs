// Case 1: how long a token takes from leaving the simulator to being in the page's DOM, at a
// model's everyday speed (50 tokens/s), where nothing queues and only per-token cost shows.
import { cdf } from '../lib/charts-data.mjs';
import { alternate, atMost, ratioAtMost, row } from '../lib/rows.mjs';
import { quantile } from '../lib/stats.mjs';
import { digest, paragraphReply, streamOnce } from '../lib/stream.mjs';
import { warmUp } from './warm-up.mjs';

/** @param {import('./context.mjs').CaseContext} ctx */
export async function latencyCase({ session, sim, opts, log }) {
  const { tokens, tokensPerSecond } = opts.latency;
  const reply = paragraphReply(tokens);
  await warmUp(session, sim);
  const runs = await alternate(
    opts.runs,
    async (kind) => {
      const run = await streamOnce(session, sim, kind, { ...reply, tokensPerSecond });
      return { clock: run.clock, latencies: digest(run).latencies };
    },
    log,
  );
  const per = (/** @type {'baseline' | 'ours'} */ k, /** @type {number} */ q) => runs[k].map((r) => quantile(r.latencies, q));
  const clocks = [...runs.baseline, ...runs.ours].map((r) => r.clock);
  const worstGap = Math.max(...clocks.map((c) => Math.abs(c.offsetMs) - c.boundMs));
  return {
    id: 'latency',
    title: `1. Token latency: simulator writes a token → token in the DOM (${tokens} tokens at ${tokensPerSecond} tokens/s per run)`,
    rows: [
      row('median token latency', 'ms', per('baseline', 0.5), per('ours', 0.5), ratioAtMost(1.5)),
      row('p99 token latency', 'ms', per('baseline', 0.99), per('ours', 0.99), atMost(12, 'ms')),
      row('max token latency', 'ms', per('baseline', 1), per('ours', 1)),
      {
        // A check of the method, not a comparison: a ratio of two offsets near zero means nothing.
        ...row(
          'clock offset page − Node (min-RTT probe)',
          'ms',
          runs.baseline.map((r) => r.clock.offsetMs),
          runs.ours.map((r) => r.clock.offsetMs),
          undefined,
          `± ${Math.max(...clocks.map((c) => c.boundMs)).toFixed(2)} ms bound; ${worstGap <= 0.5 ? 'the clocks agree' : 'CLOCKS DISAGREE beyond the bound: latencies are suspect'}`,
        ),
        ratio: null,
      },
    ],
    charts: [
      {
        kind: 'cdf',
        title: 'Token latency, all runs pooled (cumulative)',
        xLabel: 'ms (log scale)',
        series: { baseline: cdf(runs.baseline.map((r) => r.latencies)), ours: cdf(runs.ours.map((r) => r.latencies)) },
      },
    ],
  };
}
