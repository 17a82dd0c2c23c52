// The plain-text table for stdout: one block per case, medians with [min–max] over runs.
import { num, ratio, summary, verdict } from './format.mjs';

const HEAD = ['metric', 'unit', 'baseline', 'ours', 'ours÷base', 'target', ''];

/** @param {import('../cases/context.mjs').CaseResult[]} cases */
function cells(cases) {
  return cases.flatMap((c) =>
    c.rows.map((r) => [
      r.name,
      r.unit,
      summary(r.baseline, r.unit),
      summary(r.ours, r.unit),
      ratio(r.ratio),
      r.target ?? '',
      r.note && !r.ours ? r.note : verdict(r.pass),
    ]),
  );
}

/**
 * @param {{ meta: Record<string, any>, cases: import('../cases/context.mjs').CaseResult[], errors: { case: string, message: string }[] }} results
 */
export function table(results) {
  const widths = HEAD.map((h, i) => Math.max(h.length, ...cells(results.cases).map((row) => (i === 6 ? 0 : (row[i] ?? '').length))));
  const line = (/** @type {string[]} */ row) =>
    row
      .map((c, i) => (i === row.length - 1 ? c : c.padEnd(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  const m = results.meta;
  const out = [
    `Ollama Chat bench — ${m.machine.cpu} (${m.machine.cores} cores), ${m.browser}, Node ${m.machine.node}, commit ${m.machine.commit}`,
    `${m.runs} runs per page per case${m.quick ? ' (--quick: a smoke test, not for comparisons)' : ''}; values are medians [min–max] over runs; load average ${m.loadBefore} → ${m.loadAfter}`,
    '',
    line(HEAD),
  ];
  for (const c of results.cases) {
    out.push('', c.title);
    for (const r of c.rows) {
      out.push(
        line([
          r.name,
          r.unit,
          summary(r.baseline, r.unit),
          summary(r.ours, r.unit),
          ratio(r.ratio),
          r.target ?? '',
          r.note && !r.ours ? r.note : verdict(r.pass),
        ]),
      );
      if (r.note && r.ours) out.push(`    ${r.note}`);
    }
    for (const n of c.notes ?? []) out.push(`    note: ${n}`);
  }
  for (const e of results.errors) out.push('', `FAILED ${e.case}: ${e.message}`);
  out.push('', `took ${num(m.durationS)} s`);
  return out.join('\n');
}
