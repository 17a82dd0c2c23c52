// Inline SVG charts (the report loads nothing from anywhere): line charts for distributions and
// lag, and a strip of per-run values so a reader sees the spread behind each median.

export const COLORS = { baseline: '#7a7a7a', ours: '#1f6feb' };

/** @param {string} s */
export const esc = (s) => s.replace(/[&<>"]/g, (c) => `&${{ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot' }[c]};`);

/** @param {number} x */
const f = (x) => (Number.isFinite(x) ? x.toFixed(1) : '0');

/** Round tick values: 1, 2, 5 × 10^k. @param {number} lo @param {number} hi @param {number} count */
function ticks(lo, hi, count) {
  const span = hi - lo || 1;
  const raw = span / count;
  const pow = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * pow).find((s) => s >= raw) ?? pow * 10;
  const out = [];
  for (let t = Math.ceil(lo / step) * step; t <= hi + 1e-9; t += step) out.push(Number(t.toPrecision(12)));
  return out;
}

/**
 * @param {{ series: Record<string, number[][]>, xLabel: string, yLabel: string, xLog?: boolean, width?: number, height?: number }} o
 */
export function lineChart({ series, xLabel, yLabel, xLog = false, width = 560, height = 240 }) {
  const pad = { l: 52, r: 12, t: 10, b: 38 };
  const pts = Object.values(series).flat();
  if (pts.length === 0) return '';
  const tx = (/** @type {number} */ x) => (xLog ? Math.log10(Math.max(x, 0.01)) : x);
  const xs = pts.map((p) => tx(p[0] ?? 0));
  const ys = pts.map((p) => p[1] ?? 0);
  const [x0, x1] = [Math.min(...xs), Math.max(...xs)];
  const [y0, y1] = [Math.min(0, ...ys), Math.max(...ys) || 1];
  const sx = (/** @type {number} */ x) => pad.l + ((tx(x) - x0) / (x1 - x0 || 1)) * (width - pad.l - pad.r);
  const sy = (/** @type {number} */ y) => height - pad.b - ((y - y0) / (y1 - y0 || 1)) * (height - pad.t - pad.b);
  const xTicks = xLog ? [0.1, 0.2, 0.5, 1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000].filter((t) => tx(t) >= x0 && tx(t) <= x1) : ticks(x0, x1, 6);
  const parts = [`<svg width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img">`];
  for (const t of ticks(y0, y1, 4))
    parts.push(
      `<line x1="${pad.l}" x2="${width - pad.r}" y1="${f(sy(t))}" y2="${f(sy(t))}" class="grid"/><text x="${pad.l - 6}" y="${f(sy(t) + 4)}" text-anchor="end">${t}</text>`,
    );
  for (const t of xTicks)
    parts.push(
      `<line x1="${f(sx(t))}" x2="${f(sx(t))}" y1="${pad.t}" y2="${height - pad.b}" class="grid"/><text x="${f(sx(t))}" y="${height - pad.b + 14}" text-anchor="middle">${t}</text>`,
    );
  parts.push(`<text x="${(pad.l + width - pad.r) / 2}" y="${height - 6}" text-anchor="middle">${esc(xLabel)}</text>`);
  parts.push(`<text transform="translate(12 ${(pad.t + height - pad.b) / 2}) rotate(-90)" text-anchor="middle">${esc(yLabel)}</text>`);
  for (const [name, points] of Object.entries(series)) {
    const d = points.map((p, i) => `${i ? 'L' : 'M'}${f(sx(p[0] ?? 0))} ${f(sy(p[1] ?? 0))}`).join('');
    parts.push(`<path d="${d}" fill="none" stroke="${COLORS[/** @type {keyof COLORS} */ (name)] ?? '#000'}" stroke-width="1.5"/>`);
  }
  parts.push('</svg>');
  return parts.join('');
}

/**
 * Each run's value as a dot, the median as a bar, baseline above ours, on a shared axis from 0.
 * @param {import('../lib/rows.mjs').Row} row
 */
export function stripChart(row, width = 360) {
  const sides = /** @type {const} */ (['baseline', 'ours']).filter((k) => (row[k]?.n ?? 0) > 1);
  if (sides.length === 0) return '';
  const all = sides.flatMap((k) => row[k]?.values ?? []);
  const hi = Math.max(...all) * 1.05 || 1;
  const lo = Math.min(0, ...all);
  const pad = { l: 62, r: 10 };
  const sx = (/** @type {number} */ x) => pad.l + ((x - lo) / (hi - lo)) * (width - pad.l - pad.r);
  const height = 22 * sides.length + 18;
  const parts = [`<svg width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img">`];
  sides.forEach((k, i) => {
    const y = 14 + i * 22;
    const s = row[k];
    if (!s) return;
    parts.push(`<text x="${pad.l - 6}" y="${y + 4}" text-anchor="end">${k}</text>`);
    parts.push(`<line x1="${f(sx(s.min))}" x2="${f(sx(s.max))}" y1="${y}" y2="${y}" stroke="${COLORS[k]}" stroke-opacity="0.4"/>`);
    for (const v of s.values) parts.push(`<circle cx="${f(sx(v))}" cy="${y}" r="3" fill="${COLORS[k]}" fill-opacity="0.6"/>`);
    parts.push(`<line x1="${f(sx(s.median))}" x2="${f(sx(s.median))}" y1="${y - 7}" y2="${y + 7}" stroke="${COLORS[k]}" stroke-width="2.5"/>`);
  });
  for (const t of ticks(lo, hi, 4)) parts.push(`<text x="${f(sx(t))}" y="${height - 2}" text-anchor="middle" class="tick">${t}</text>`);
  parts.push('</svg>');
  return parts.join('');
}
