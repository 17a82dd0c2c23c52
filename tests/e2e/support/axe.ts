/**
 * axe-core inside the panel page, in Chromium (CDP) and Firefox (WebDriver BiDi) alike.
 * The extension's CSP allows no <script> we could add, so the source is evaluated by the
 * driver (outside the page's CSP), and axe.run is called the same way.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'puppeteer';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export type Impact = 'critical' | 'serious' | 'moderate' | 'minor';

export interface AxeViolation {
  id: string;
  impact: Impact;
  help: string;
  /** Each offending node: its selector and axe's explanation (contrast ratios, missing names). */
  nodes: string[];
}

export interface AxeScan {
  violations: AxeViolation[];
  passes: number;
  incomplete: number;
  /** How many rules failed at each impact. */
  byImpact: Record<Impact, number>;
}

interface AxeGlobal {
  run(
    context: Document,
    options: object,
  ): Promise<{
    violations: { id: string; impact?: string | null; help: string; nodes: { target: unknown[]; failureSummary?: string }[] }[];
    passes: unknown[];
    incomplete: unknown[];
  }>;
}
declare const axe: AxeGlobal;

/** Scans the whole page as it is now. */
export async function scanPage(page: Page): Promise<AxeScan> {
  if (!(await page.evaluate(() => typeof (globalThis as { axe?: unknown }).axe === 'object'))) {
    await page.evaluate(AXE_SOURCE);
  }
  const raw = await page.evaluate(async () => {
    const r = await axe.run(document, { resultTypes: ['violations'] });
    return {
      violations: r.violations.map((v) => ({
        id: v.id,
        impact: v.impact ?? 'minor',
        help: v.help,
        nodes: v.nodes.map((n) => `${n.target.join(' ')}: ${(n.failureSummary ?? '').replace(/\s+/g, ' ')}`),
      })),
      passes: r.passes.length,
      incomplete: r.incomplete.length,
    };
  });
  const byImpact: Record<Impact, number> = { critical: 0, serious: 0, moderate: 0, minor: 0 };
  const violations = raw.violations as AxeViolation[];
  for (const v of violations) byImpact[v.impact] += 1;
  return { violations, passes: raw.passes, incomplete: raw.incomplete, byImpact };
}

/** The critical and serious violations, readable in a failed assertion. */
export function blocking(scan: AxeScan): string[] {
  return scan.violations.filter((v) => v.impact === 'critical' || v.impact === 'serious').flatMap((v) => v.nodes.map((n) => `${v.impact} ${v.id}: ${n}`));
}

/** One line per scanned state, printed as a table at the end of a file. */
export class AxeReport {
  private readonly rows: string[] = [];

  constructor(private readonly browser: string) {}

  add(state: string, scan: AxeScan): void {
    const b = scan.byImpact;
    this.rows.push(`| ${this.browser} | ${state} | ${b.critical} | ${b.serious} | ${b.moderate} | ${b.minor} | ${scan.passes} |`);
  }

  print(): void {
    console.log(['', '| browser | state | critical | serious | moderate | minor | passes |', '|---|---|---|---|---|---|---|', ...this.rows, ''].join('\n'));
  }
}
