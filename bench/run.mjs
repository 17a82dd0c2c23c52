// npm run bench: builds the extension with its baseline page, starts the Ollama simulator on
// 127.0.0.1 and drives headless Chromium through each case, then writes a table (stdout),
// bench/results.json and bench/report.html. Progress goes to stderr so stdout stays the table.
import { writeFileSync } from 'node:fs';
import { startSimulator } from '../tests/sim/server.mjs';
import { bundleCase } from './cases/bundle.mjs';
import { coldOpenCase } from './cases/cold-open.mjs';
import { imagesCase } from './cases/images.mjs';
import { importCase } from './cases/import.mjs';
import { conversationCase } from './cases/conversation.mjs';
import { latencyCase } from './cases/latency.mjs';
import { pageCase } from './cases/page.mjs';
import { scalingCase } from './cases/scaling.mjs';
import { throughputCase } from './cases/throughput.mjs';
import { parseArgs } from './lib/args.mjs';
import { launch } from './lib/browser.mjs';
import { buildBench, buildProd } from './lib/build.mjs';
import { load, machine } from './lib/machine.mjs';
import { BENCH_DIR } from './lib/paths.mjs';
import { html } from './report/html.mjs';
import { table } from './report/table.mjs';

/** @type {Record<string, (ctx: import('./cases/context.mjs').CaseContext) => Promise<unknown>>} */
const BROWSER_CASES = {
  latency: latencyCase,
  throughput: throughputCase,
  scaling: scalingCase,
  'cold-open': coldOpenCase,
  conversation: conversationCase,
  import: importCase,
  images: imagesCase,
  page: pageCase,
};

const log = (/** @type {string} */ line) => process.stderr.write(`${line}\n`);

// Whatever is open right now; closed on Ctrl-C too, so no Chromium or temp profile outlives us.
/** @type {Set<() => Promise<unknown>>} */
const open = new Set();
for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM'])) {
  process.once(signal, () => {
    log(`${signal}: closing the browser and the simulator`);
    void Promise.allSettled([...open].map((close) => close())).then(() => process.exit(130));
  });
}

/**
 * @template T
 * @param {Promise<T & { close(): Promise<unknown> }>} opening
 * @param {(it: T) => Promise<unknown>} use
 */
async function using(opening, use) {
  const it = await opening;
  const close = () => it.close();
  open.add(close);
  try {
    return await use(it);
  } finally {
    open.delete(close);
    await close();
  }
}

async function main() {
  const parsed = parseArgs(process.argv.slice(2));
  if ('help' in parsed) return void console.log(parsed.help);
  const opts = parsed;
  const started = performance.now();
  /** @type {Record<string, any>} */
  const meta = {
    date: new Date().toISOString(),
    machine: machine(),
    browser: 'unknown',
    runs: opts.runs,
    quick: opts.quick,
    loadBefore: load(),
    sizes: { latency: opts.latency, throughput: opts.throughput, scaling: opts.scaling, coldOpen: opts.coldOpen, import: opts.import },
  };
  /** @type {import('./cases/context.mjs').CaseResult[]} */
  const cases = [];
  /** @type {{ case: string, message: string }[]} */
  const errors = [];
  const attempt = async (/** @type {string} */ id, /** @type {() => Promise<unknown>} */ fn) => {
    try {
      await fn();
    } catch (e) {
      errors.push({ case: id, message: e instanceof Error ? (e.stack ?? e.message) : String(e) });
      log(`${id} failed: ${e instanceof Error ? e.message : e}`);
    }
  };

  if (opts.build) {
    log('building (bench build, then production build)…');
    await attempt('build', async () => {
      await buildBench();
      await buildProd();
    });
  }
  if (errors.length === 0) {
    await using(startSimulator({ host: '127.0.0.1' }), async (sim) => {
      for (const id of opts.only) {
        const run = BROWSER_CASES[id];
        log(`${id}…`);
        if (!run) {
          await attempt(id, async () => void cases.push(bundleCase()));
          continue;
        }
        await attempt(id, () =>
          using(launch(), async (session) => {
            meta.browser = await session.version();
            await session.writeStorage({ settings: { baseUrl: sim.url, defaultModel: 'llama3.2' } });
            cases.push(.../** @type {import('./cases/context.mjs').CaseResult[]} */ ([await run({ session, sim, opts, log })].flat()));
          }),
        );
      }
    });
  }

  // Cases run in the order that keeps browsers few; the report reads in the order.
  cases.sort((a, b) => Number.parseFloat(a.title) - Number.parseFloat(b.title));
  meta.loadAfter = load();
  meta.durationS = (performance.now() - started) / 1000;
  const results = { meta, cases, errors };
  writeFileSync(`${BENCH_DIR}results.json`, `${JSON.stringify(results, null, 1)}\n`);
  writeFileSync(`${BENCH_DIR}report.html`, html(results));
  console.log(table(results));
  log(`wrote ${BENCH_DIR}results.json and ${BENCH_DIR}report.html`);
  process.exitCode = errors.length > 0 ? 1 : 0;
}

main().catch((e) => {
  log(e instanceof Error ? (e.stack ?? e.message) : String(e));
  process.exitCode = 1;
});
