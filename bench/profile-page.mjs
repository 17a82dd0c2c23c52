// Where bench case 9's extraction time goes: runs the built page-extract.js (the script the toggle
// injects) on the 1 MB article, each run in a freshly loaded tab and a new isolated world, cold as
// on a click, under CDP's sampling profiler; prints the wall times and the functions with the most
// time, on their own and with what they call.
// `node bench/profile-page.mjs [--no-build] [--runs N] [--top N]`. Not part of npm test.
import { readFileSync } from 'node:fs';
import puppeteer from 'puppeteer';
import { findChromium } from '../scripts/lib/browsers.mjs';
import { serveArticle } from './cases/page.mjs';
import { buildBench } from './lib/build.mjs';
import { BENCH_BUILD } from './lib/paths.mjs';

const arg = (/** @type {string} */ name, /** @type {number} */ fallback) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const RUNS = arg('--runs', 7);
const TOP = arg('--top', 25);

/**
 * Self and inclusive milliseconds per function (name:line), summed over profiles.
 * @param {any} profile
 * @param {Map<string, number>} self
 * @param {Map<string, number>} total
 */
function add(profile, self, total) {
  const byId = new Map(profile.nodes.map((/** @type {any} */ n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const name = (/** @type {any} */ n) => `${n.callFrame.functionName || '(anonymous)'}:${n.callFrame.lineNumber}`;
  profile.samples.forEach((/** @type {number} */ id, /** @type {number} */ i) => {
    const ms = profile.timeDeltas[i] / 1000 / RUNS;
    self.set(name(byId.get(id)), (self.get(name(byId.get(id))) ?? 0) + ms);
    const seen = new Set();
    for (let at = id; at !== undefined; at = parent.get(at)) {
      const k = name(byId.get(at));
      if (seen.has(k)) continue;
      seen.add(k);
      total.set(k, (total.get(k) ?? 0) + ms);
    }
  });
}

const top = (/** @type {Map<string, number>} */ m) =>
  [...m]
    .filter(([k]) => !k.startsWith('(root)') && !k.startsWith('(idle)'))
    .sort((a, b) => b[1] - a[1])
    .slice(0, TOP)
    .map(([k, v]) => `${v.toFixed(1).padStart(7)} ms  ${k}`)
    .join('\n');

if (!process.argv.includes('--no-build')) await buildBench();
const script = readFileSync(`${BENCH_BUILD}/page-extract.js`, 'utf8');
const article = await serveArticle();
const browser = await puppeteer.launch({ executablePath: findChromium() ?? undefined, headless: true, args: ['--no-sandbox'] });
try {
  const self = new Map();
  const total = new Map();
  /** @type {number[]} */
  const wall = [];
  let chars = 0;
  for (let r = 0; r < RUNS; r++) {
    const tab = await browser.newPage();
    await tab.goto(article.url, { waitUntil: 'load' });
    const cdp = await tab.createCDPSession();
    const { frameTree } = await cdp.send('Page.getFrameTree');
    const { executionContextId } = await cdp.send('Page.createIsolatedWorld', { frameId: frameTree.frame.id, worldName: 'profile' });
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
    await cdp.send('Profiler.start');
    const t = performance.now();
    const out = await cdp.send('Runtime.evaluate', { contextId: executionContextId, expression: script, returnByValue: true, awaitPromise: true });
    wall.push(performance.now() - t);
    const { profile } = await cdp.send('Profiler.stop');
    if (out.exceptionDetails) throw new Error(out.exceptionDetails.text);
    chars = out.result.value?.markdown?.length ?? 0;
    add(profile, self, total);
    await tab.close();
  }
  const sorted = [...wall].sort((a, b) => a - b);
  console.log(
    `${RUNS} runs, ${chars.toLocaleString('en')} characters of Markdown; evaluate, profiled (ms): median ${sorted[RUNS >> 1]?.toFixed(0)}, all ${wall.map((w) => w.toFixed(0)).join(' ')}`,
  );
  console.log(`--- self time per run\n${top(self)}\n--- with callees, per run\n${top(total)}`);
} finally {
  await browser.close();
  await article.close();
}
