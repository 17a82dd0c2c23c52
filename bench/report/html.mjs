// bench/report.html: one self-contained file (inline CSS and SVG, no scripts, no external loads)
// that can be attached to an issue or opened offline.
import { ratio, summary, verdict } from './format.mjs';
import { COLORS, esc, lineChart, stripChart } from './svg.mjs';

const STYLE = `
body{font:14px/1.45 system-ui,sans-serif;margin:24px;max-width:1100px;color:#1d1d1f}
h1{font-size:20px}h2{font-size:16px;margin-top:28px}
table{border-collapse:collapse;width:100%;margin:8px 0}th,td{padding:4px 8px;border-bottom:1px solid #ddd;text-align:left;vertical-align:top}
td.n{font-variant-numeric:tabular-nums;white-space:nowrap}.ok{color:#1a7f37;font-weight:600}.MISS{color:#cf222e;font-weight:600}
.note{color:#555;font-size:12px}svg text{font-size:10px;fill:#444}svg .grid{stroke:#e5e5e5}
.legend span{display:inline-block;margin-right:14px}.sw{display:inline-block;width:12px;height:3px;vertical-align:middle;margin-right:4px}
.err{color:#cf222e}`;

/** @param {import('../cases/context.mjs').CaseResult} c */
function section(c) {
  const rows = c.rows.map(
    (r) => `<tr><td>${esc(r.name)}${r.note ? `<div class="note">${esc(r.note)}</div>` : ''}</td><td>${esc(r.unit)}</td>
<td class="n">${esc(summary(r.baseline, r.unit))}</td><td class="n">${esc(summary(r.ours, r.unit))}</td><td class="n">${esc(ratio(r.ratio))}</td>
<td>${esc(r.target ?? '')}</td><td class="${verdict(r.pass)}">${verdict(r.pass)}</td><td>${stripChart(r)}</td></tr>`,
  );
  const charts = c.charts.map(
    (ch) =>
      `<figure><figcaption>${esc(ch.title)}</figcaption>${lineChart({
        series: ch.series,
        xLog: ch.kind === 'cdf',
        xLabel: ch.xLabel,
        yLabel: ch.kind === 'cdf' ? 'fraction of tokens' : 'lag (ms)',
      })}</figure>`,
  );
  const notes = (c.notes ?? []).map((n) => `<p class="note">${esc(n)}</p>`);
  return `<h2>${esc(c.title)}</h2>
<table><tr><th>metric</th><th>unit</th><th>baseline</th><th>ours</th><th>ours÷base</th><th>target</th><th></th><th>runs</th></tr>${rows.join('')}</table>
${notes.join('')}${charts.join('')}`;
}

/** @param {{ meta: Record<string, any>, cases: import('../cases/context.mjs').CaseResult[], errors: { case: string, message: string }[] }} results */
export function html(results) {
  const m = results.meta;
  const legend = Object.entries(COLORS)
    .map(([k, c]) => `<span><i class="sw" style="background:${c}"></i>${k === 'ours' ? 'ours (side panel)' : 'baseline (bare page)'}</span>`)
    .join('');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Ollama Chat bench ${esc(m.date)}</title><style>${STYLE}</style></head><body>
<h1>Ollama Chat bench</h1>
<p>${esc(m.date)} — ${esc(m.machine.cpu)}, ${m.machine.cores} cores, ${m.machine.memoryGiB} GiB; ${esc(m.browser)}; Node ${esc(m.machine.node)}; commit ${esc(m.machine.commit)}.<br>
${m.runs} runs per page per case${m.quick ? ' (--quick: a smoke test, not for comparisons)' : ''}, pages alternated; every value is the median [min–max] over runs; ratios are ours ÷ baseline of the medians. Load average ${m.loadBefore} → ${m.loadAfter}. Took ${Math.round(m.durationS)} s.</p>
<p class="legend">${legend}</p>
${results.errors.map((e) => `<p class="err">FAILED ${esc(e.case)}: ${esc(e.message)}</p>`).join('')}
${results.cases.map(section).join('\n')}
</body></html>
`;
}
