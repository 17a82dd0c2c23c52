// Number formatting shared by the table and the HTML report, so both show the same digits.

/** @param {number} x */
export function num(x) {
  if (!Number.isFinite(x)) return String(x);
  const a = Math.abs(x);
  return x.toFixed(a >= 100 ? 0 : a >= 10 ? 1 : 2);
}

/** @param {import('../lib/stats.mjs').Summary | null} s */
export function summary(s) {
  if (!s) return '—';
  if (s.n === 1) return num(s.median);
  return `${num(s.median)} [${num(s.min)}–${num(s.max)}]`;
}

/** @param {number | null} r */
export const ratio = (r) => (r === null ? '—' : `${r.toFixed(2)}×`);

/** @param {boolean | null} pass */
export const verdict = (pass) => (pass === null ? '' : pass ? 'ok' : 'MISS');
