// Case 4: panel opened → usable (input enabled, history painted), with an empty storage and with
// 1,000 stored conversations. Ours has no history view yet, so for it "usable" is the input
// alone; the baseline reads the history key and paints every title, the least a history view can
// do, so its time is the floor the history issue will have to meet.
import { installOpenProbe } from '../lib/probe.mjs';
import { alternate, atMost, row } from '../lib/rows.mjs';
import { conversations, HISTORY_KEY } from '../lib/seed.mjs';

// Set this to the history list's item selector when history lands; until then ours has none.
const OURS_HISTORY_ITEM = null;
const BASELINE_HISTORY_ITEM = '#history li';

/**
 * @param {import('../lib/browser.mjs').Session} session
 * @param {'baseline' | 'ours'} kind
 * @param {string | null} historyItem
 */
async function openOnce(session, kind, historyItem) {
  const page = await session.blank();
  try {
    await page.evaluateOnNewDocument(installOpenProbe, historyItem);
    await page.goto(session.urlOf(kind), { waitUntil: 'domcontentloaded' });
    await page.waitForFunction(() => /** @type {any} */ (window).__benchOpen?.paintedAt > 0, { polling: 20, timeout: 20_000 });
    return page.evaluate(() => /** @type {any} */ (window).__benchOpen.paintedAt);
  } finally {
    await page.close().catch(() => {});
  }
}

/** @param {import('./context.mjs').CaseContext} ctx */
export async function coldOpenCase({ session, sim, opts, log }) {
  const { conversations: count, messagesEach } = opts.coldOpen;
  const settings = { baseUrl: sim.url, defaultModel: 'llama3.2' };
  const rows = [];
  const notes = [];
  for (const stored of [0, count]) {
    const bytes = await session.writeStorage({ settings, ...(stored ? { [HISTORY_KEY]: conversations(stored, messagesEach) } : {}) });
    if (stored) notes.push(`${stored.toLocaleString('en')} conversations × ${messagesEach} messages = ${(bytes / 1024 / 1024).toFixed(1)} MB in storage.local (its quota is 10 MB without "unlimitedStorage").`);
    const historyFor = (/** @type {'baseline' | 'ours'} */ kind) => (!stored ? null : kind === 'ours' ? OURS_HISTORY_ITEM : BASELINE_HISTORY_ITEM);
    // One unmeasured open each: the first open of a browser compiles the code later opens reuse.
    for (const kind of /** @type {const} */ (['baseline', 'ours'])) await openOnce(session, kind, historyFor(kind));
    log(`  ${stored} stored conversations`);
    const runs = await alternate(opts.runs, (kind) => openOnce(session, kind, historyFor(kind)), log);
    const label = stored ? `${stored.toLocaleString('en')} stored conversations` : 'no stored conversations';
    rows.push(row(`open → usable, painted (${label})`, 'ms', runs.baseline, runs.ours, atMost(250, 'ms'),
      stored && !OURS_HISTORY_ITEM ? 'ours: input only (no history view yet); baseline: reads the key and paints every title' : undefined));
  }
  return {
    id: 'cold-open',
    title: '4. Cold open: navigation start → input enabled (and history painted) → next frame presented',
    rows,
    charts: [],
    notes,
  };
}
