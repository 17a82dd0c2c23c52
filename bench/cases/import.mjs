// Case 7: importing a big export through the real panel: pick the file in History, wait until
// the notice says it is done and the list counts every conversation. The file is what "Export
// all" writes (the contract's array, pretty-printed, newest first); at 100,000 conversations it
// is over 64 MiB, Chrome's limit for one runtime message, which the old one-message import hit.
// Reported: the total time, and the panel's long tasks and long animation frames from the pick
// to the end (plus a second, for the list's last re-render).
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { installImportProbe } from '../lib/probe.mjs';
import { atMost, row } from '../lib/rows.mjs';
import { conversations } from '../lib/seed.mjs';

const HISTORY_BUTTON = 'button[aria-label="History"]';
const IMPORT_INPUT = 'input[aria-label="Import conversations"]';
const AFTER_MS = 1000;
const SETTLE_MS = 10_000;

/** The same text lib/conversations/export.ts toJsonExport writes. @param {ReturnType<typeof conversations>} list */
const exportText = (list) =>
  `${JSON.stringify(
    [...list].sort((a, b) => Date.parse(b.updated_at) - Date.parse(a.updated_at)),
    null,
    2,
  )}\n`;

/**
 * @param {import('../lib/browser.mjs').Session} session
 * @param {string} file
 * @param {number} expected
 */
async function importOnce(session, file, expected) {
  const page = await session.blank();
  try {
    await page.evaluateOnNewDocument(installImportProbe, expected);
    await page.goto(session.urlOf('ours'), { waitUntil: 'load' });
    await (await page.waitForSelector(HISTORY_BUTTON))?.click();
    const input = await page.waitForSelector(IMPORT_INPUT);
    await input?.uploadFile(file);
    await page.waitForFunction(
      () => {
        const b = /** @type {any} */ (window).__benchImport;
        return b.doneAt > 0 && (b.listedAt > 0 || !b.notice.startsWith('Imported'));
      },
      { polling: 500, timeout: 20 * 60_000 },
    );
    await new Promise((r) => setTimeout(r, AFTER_MS));
    const b = await page.evaluate(() => /** @type {any} */ (window).__benchImport);
    b.notice = b.notice.replace(/\s*Dismiss$/, '');
    if (!b.notice.startsWith('Imported')) throw new Error(`the import did not succeed: ${b.notice}`);
    const stored = await page.evaluate(async () => {
      const api = /** @type {any} */ (globalThis).chrome.storage.local;
      const keys = Array.from({ length: 16 }, (_, i) => `ollama_chat_index:${i}`);
      const shards = await api.get(keys);
      return { listed: keys.reduce((n, k) => n + (shards[k]?.length ?? 0), 0), bytes: await api.getBytesInUse(null) };
    });
    if (stored.listed !== expected) throw new Error(`the index lists ${stored.listed} conversations, not ${expected}`);
    const end = Math.max(b.doneAt, b.listedAt);
    const during = (/** @type {number[][]} */ list) => list.filter(([t]) => t >= b.pickedAt && t <= end + AFTER_MS);
    const times = [b.pickedAt, ...b.progress.map((/** @type {[number, string]} */ p) => p[0]), b.doneAt];
    const gaps = times.slice(1).map((t, i) => t - (times[i] ?? t));
    return {
      totalS: (end - b.pickedAt) / 1000,
      longTasks: during(b.longTasks),
      longFrames: during(b.longFrames),
      maxGapS: Math.max(...gaps) / 1000,
      updates: b.progress.length,
      notice: b.notice,
      storedBytes: stored.bytes,
      pickedAt: b.pickedAt,
    };
  } finally {
    await page.close().catch(() => {});
  }
}

/** @param {import('./context.mjs').CaseContext} ctx */
export async function importCase({ session, sim, opts, log }) {
  const { conversations: count, messagesEach, runs } = opts.import;
  const n = count.toLocaleString('en');
  const dir = mkdtempSync(join(tmpdir(), 'ollama-chat-bench-import-'));
  try {
    const file = join(dir, 'ollama-chat-export.json');
    // Ten minutes apart from 2024: 100,000 conversations end in 2025, all in the past.
    writeFileSync(file, exportText(conversations(count, messagesEach, { start: Date.UTC(2024, 0, 1), stepMs: 600_000 })));
    const mib = statSync(file).size / 1048576;
    /** @type {Awaited<ReturnType<typeof importOnce>>[]} */
    const results = [];
    for (let r = 0; r < runs; r++) {
      // An empty history each time: every conversation is new.
      await session.writeStorage({ settings: { baseUrl: sim.url, defaultModel: 'llama3.2' } });
      // Clearing the last run's 100 MB keeps the browser busy (and sends its change event, every
      // old value included, to the background) for a while after clear() resolves: not part of an import.
      if (r > 0) await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
      log(`  import ${n} conversations (${mib.toFixed(1)} MiB), run ${r + 1} of ${runs}`);
      const res = await importOnce(session, file, count);
      const at = res.longTasks.map(([t, d]) => `${d.toFixed(0)} ms at +${((t - res.pickedAt) / 1000).toFixed(1)} s`).join(', ');
      log(`    ${res.totalS.toFixed(1)} s, ${res.longTasks.length} long tasks${at ? ` (${at})` : ''}, ${res.updates} progress updates: ${res.notice}`);
      results.push(res);
    }
    const longest = results.flatMap((r) => r.longTasks.map(([, d]) => d));
    const last = results.at(-1);
    return {
      id: 'import',
      title: `7. Import: an exported file of ${n} conversations, through the panel's History`,
      rows: [
        row(
          `file picked → "Imported" shown and all ${n} listed`,
          's',
          null,
          results.map((r) => r.totalS),
          atMost(60, 's'),
          `${mib.toFixed(1)} MiB file (${messagesEach} messages each), what "Export all" writes`,
        ),
        row(
          'long tasks (> 50 ms) in the panel during the import',
          'count',
          null,
          results.map((r) => r.longTasks.length),
          atMost(0, ''),
          longest.length ? `longest ${Math.max(...longest).toFixed(0)} ms` : undefined,
        ),
        row(
          'long animation frames (> 50 ms) in the panel during the import',
          'count',
          null,
          results.map((r) => r.longFrames.length),
        ),
        row(
          'longest time without a progress update',
          's',
          null,
          results.map((r) => r.maxGapS),
          undefined,
          'from the pick, through each "Reading…"/"Importing… x of y" text, to the notice',
        ),
      ],
      charts: [],
      notes: [
        'The panel reads the file in 256 KiB slices (never whole), counts its items on the raw bytes, then sends their JSON text in batches of ≤ 256 KiB or 500 items, at most 4 unacknowledged, with its storage change events paused; the background writes the batches that queued up in one storage.local.set each and publishes the index once, at the end (the longest wait between progress updates).',
        ...(last ? [`After the import: ${(last.storedBytes / 1048576).toFixed(1)} MB in storage.local. Notice: "${last.notice}"`] : []),
      ],
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
