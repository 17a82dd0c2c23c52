// Case 5b: the JS heap once a long stored conversation is on screen. Ours opens it the way a
// user does (History, then the conversation); the baseline renders the same stored messages as
// bare text nodes (?show=<id>), the least any page showing them must hold.
import { heapUsedBytes } from '../lib/heap.mjs';
import { alternate, atMost, notYet, row } from '../lib/rows.mjs';
import { conversations, layoutV2 } from '../lib/seed.mjs';

const MB = 1024 * 1024;
const HISTORY_BUTTON = 'button[aria-label="History"]';
const OPEN_ITEM = '.history-open';

/**
 * @param {import('puppeteer').Page} page
 * @param {number} count
 */
const waitForMessages = (page, count) =>
  page.waitForFunction((n) => document.querySelectorAll('[role="log"] article').length >= n, { polling: 50, timeout: 30_000 }, count);

const EARLIER = 'button.show-earlier';

/**
 * Ours opens a long conversation at its latest messages (components/MessageList.tsx): it is on
 * screen once the last stored message is, with the "Show earlier" button above.
 * @param {import('puppeteer').Page} page
 * @param {string} lastText  the start of the last message's text
 */
const waitForLatest = (page, lastText) =>
  page.waitForFunction(
    (t) => {
      const all = document.querySelectorAll('[role="log"] article');
      return all.length > 0 && (all[all.length - 1]?.textContent ?? '').includes(t);
    },
    { polling: 50, timeout: 30_000 },
    lastText,
  );

/** Clicks "Show earlier" until every message is on screen. @param {import('puppeteer').Page} page @param {number} count */
async function showAll(page, count) {
  for (let i = 0; i < count && (await page.$(EARLIER)); i++) await page.click(EARLIER);
  await waitForMessages(page, count);
}

/** @param {import('./context.mjs').CaseContext} ctx */
export async function conversationCase({ session, sim, opts, log }) {
  const count = opts.conversation.messages;
  const [conv] = conversations(1, count);
  if (!conv) throw new Error('no conversation generated');
  await session.writeStorage({ settings: { baseUrl: sim.url, defaultModel: 'llama3.2' }, ...layoutV2([conv]) });
  const name = `heap after a ${count.toLocaleString('en')}-message conversation is shown`;
  const probe = await session.open('ours');
  const hasHistory = (await probe.$(HISTORY_BUTTON)) !== null;
  await probe.close();
  if (!hasHistory)
    return {
      id: 'conversation',
      title: '5b. Memory after opening a long conversation',
      rows: [notYet(name, 'MB', atMost(5, 'MB'), 'n/a until history lands: the panel has no History view to open it from')],
      charts: [],
    };

  const lastText = String(conv.messages.at(-1)?.content ?? '').slice(0, 40);
  /** Heap with the conversation opened as the page opens it; for ours, also with every message shown. */
  const showOnce = async (/** @type {'baseline' | 'ours'} */ kind) => {
    await session.reset();
    const page = kind === 'ours' ? await session.open('ours') : await session.blank();
    try {
      if (kind === 'ours') {
        await page.click(HISTORY_BUTTON);
        await page.waitForSelector(OPEN_ITEM);
        await page.click(OPEN_ITEM);
      } else {
        await page.goto(session.urlOf('baseline', `&show=${encodeURIComponent(conv.id)}`), { waitUntil: 'load' });
      }
      if (kind === 'baseline') {
        await waitForMessages(page, count);
        const heap = (await heapUsedBytes(page)) / MB;
        return { opened: heap, all: heap };
      }
      await waitForLatest(page, lastText);
      const opened = (await heapUsedBytes(page)) / MB;
      await showAll(page, count);
      return { opened, all: (await heapUsedBytes(page)) / MB };
    } finally {
      await page.close().catch(() => {});
    }
  };
  await showOnce('baseline');
  await showOnce('ours');
  const runs = await alternate(opts.runs, showOnce, log);
  const of = (/** @type {'opened' | 'all'} */ k) => ({ baseline: runs.baseline.map((r) => r[k]), ours: runs.ours.map((r) => r[k]) });
  const opened = of('opened');
  const all = of('all');
  return {
    id: 'conversation',
    title: `5b. Memory after opening a ${count.toLocaleString('en')}-message conversation (JS heap after a forced GC)`,
    rows: [
      row(name, 'MB', opened.baseline, opened.ours, atMost(5, 'MB')),
      row(`heap with all ${count.toLocaleString('en')} messages on screen`, 'MB', all.baseline, all.ours),
    ],
    charts: [],
    notes: [
      `The conversation is ${(JSON.stringify(conv).length / 1024).toFixed(0)} KB of JSON; ours opens it through History, the baseline renders it as text nodes.`,
      'Ours opens a long conversation at its latest 50 messages, older ones a hundred at a time on request ("Show earlier messages"); the baseline renders all at once. The second row clicks "Show earlier" until all are on screen, in both pages the same messages.',
    ],
  };
}
