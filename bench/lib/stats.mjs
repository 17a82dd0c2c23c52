// Summaries of repeated measurements. Every number the bench reports is a median over runs with
// its spread, never a single run's value: one run on a 2-core machine is mostly noise.

/** @param {ArrayLike<number>} values */
function sorted(values) {
  return Float64Array.from(values)
    .filter((v) => Number.isFinite(v))
    .sort();
}

/**
 * Linear-interpolated quantile (q in [0, 1]) of already sorted values.
 * @param {Float64Array} s
 * @param {number} q
 */
function quantileSorted(s, q) {
  if (s.length === 0) return Number.NaN;
  const pos = (s.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.min(lo + 1, s.length - 1);
  return (s[lo] ?? 0) + ((s[hi] ?? 0) - (s[lo] ?? 0)) * (pos - lo);
}

/**
 * @param {ArrayLike<number>} values
 * @param {number} q
 */
export function quantile(values, q) {
  return quantileSorted(sorted(values), q);
}

/** @param {ArrayLike<number>} values */
export const median = (values) => quantile(values, 0.5);

/**
 * @typedef {object} Summary
 * @property {number} median
 * @property {number} min
 * @property {number} max
 * @property {number} p25
 * @property {number} p75
 * @property {number} n
 * @property {number[]} values  one per run, in run order
 */

/**
 * @param {number[]} values  one value per run
 * @returns {Summary}
 */
export function summarize(values) {
  const s = sorted(values);
  return {
    median: quantileSorted(s, 0.5),
    min: s[0] ?? Number.NaN,
    max: s[s.length - 1] ?? Number.NaN,
    p25: quantileSorted(s, 0.25),
    p75: quantileSorted(s, 0.75),
    n: s.length,
    values,
  };
}

/**
 * Ours ÷ baseline of the medians; null when either side is missing.
 * @param {Summary | null} ours
 * @param {Summary | null} base
 */
export function ratio(ours, base) {
  if (!ours || !base || !(base.median > 0)) return null;
  return ours.median / base.median;
}
