// Number formatting shared by the table and the HTML report, so both show the same digits.

/** @param {number} x */
export function num(x) {
  if (!Number.isFinite(x)) return String(x);
  const a = Math.abs(x);
  return x.toFixed(a >= 100 ? 0 : a >= 10 ? 1 : 2);
}

/** @param {number} x */
const count = (x) => (Number.isInteger(x) ? String(x) : x.toFixed(1));

/**
 * @param {import('../lib/stats.mjs').Summary | null} s
 * @param {string} [unit]  counts print as whole numbers
 */
export function summary(s, unit) {
  if (!s) return '—';
  const f = unit === 'count' ? count : num;
  if (s.n === 1) return f(s.median);
  return `${f(s.median)} [${f(s.min)}–${f(s.max)}]`;
}

/** @param {number | null} r */
export const ratio = (r) => (r === null ? '—' : `${r.toFixed(2)}×`);

/** @param {boolean | null} pass */
export const verdict = (pass) => (pass === null ? '' : pass ? 'ok' : 'MISS');
