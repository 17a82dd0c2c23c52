// A result row: one metric, both pages' per-run values summarized, the ratio and the target.
import { ratio, summarize } from './stats.mjs';

/** @typedef {import('./stats.mjs').Summary} Summary */
/** @typedef {{ ours: Summary | null, baseline: Summary | null, ratio: number | null }} Measured */
/** @typedef {{ text: string, test: (m: Measured) => boolean }} Target */

/**
 * @typedef {object} Row
 * @property {string} name
 * @property {string} unit
 * @property {Summary | null} baseline
 * @property {Summary | null} ours
 * @property {number | null} ratio  ours ÷ baseline (medians)
 * @property {string | null} target
 * @property {boolean | null} pass  null: no target, or nothing measured
 * @property {string} [note]  why a row has no numbers, or how to read it
 */

/**
 * @param {string} name
 * @param {string} unit
 * @param {number[] | null} baselineValues  one per run
 * @param {number[] | null} oursValues  one per run
 * @param {Target} [target]
 * @param {string} [note]
 * @returns {Row}
 */
export function row(name, unit, baselineValues, oursValues, target, note) {
  const baseline = baselineValues ? summarize(baselineValues) : null;
  const ours = oursValues ? summarize(oursValues) : null;
  const m = { baseline, ours, ratio: ratio(ours, baseline) };
  return { name, unit, ...m, target: target?.text ?? null, pass: target ? target.test(m) : null, ...(note ? { note } : {}) };
}

/**
 * A metric that cannot be measured yet, said plainly instead of a made-up number.
 * @param {string} name
 * @param {string} unit
 * @param {Target | undefined} target
 * @param {string} note
 * @returns {Row}
 */
export function notYet(name, unit, target, note) {
  return { name, unit, baseline: null, ours: null, ratio: null, target: target?.text ?? null, pass: null, note };
}

/**
 * A value that is exact rather than sampled (a file size): one measurement is the measurement.
 * @param {string} name
 * @param {string} unit
 * @param {number} value
 * @param {string} note
 * @returns {Row}
 */
export function exact(name, unit, value, note) {
  return { ...notYet(name, unit, undefined, note), ours: summarize([value]) };
}

/** @param {number} x @returns {Target} */
export const ratioAtMost = (x) => ({ text: `≤ ${x}× baseline`, test: (m) => m.ratio !== null && m.ratio <= x });

/** @param {number} x @param {string} unit @returns {Target} */
export const atMost = (x, unit) => ({ text: `≤ ${x}${unit ? ` ${unit}` : ''}`, test: (m) => !!m.ours && m.ours.median <= x });

/**
 * Runs `fn` for both pages `runs` times, alternating which goes first (ABBA), so that drift in the
 * machine's state (another process, a warming cache) falls on both pages alike.
 * @template T
 * @param {number} runs
 * @param {(kind: 'baseline' | 'ours', run: number) => Promise<T>} fn
 * @param {(line: string) => void} log
 */
export async function alternate(runs, fn, log) {
  /** @type {{ baseline: T[], ours: T[] }} */
  const out = { baseline: [], ours: [] };
  for (let r = 0; r < runs; r++) {
    const order = /** @type {const} */ (r % 2 === 0 ? ['baseline', 'ours'] : ['ours', 'baseline']);
    for (const kind of order) {
      const t = performance.now();
      out[kind].push(await fn(kind, r));
      log(`  run ${r + 1}/${runs} ${kind.padEnd(8)} ${((performance.now() - t) / 1000).toFixed(1)} s`);
    }
  }
  return out;
}
