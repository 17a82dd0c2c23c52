// Case 9: "Chat with this page" on a 1 MB encyclopedia article (bench/fixtures/article-1mb.html):
// the toggle's click → the page chip in the panel, in Chromium's real side panel beside the tab,
// and the longest task on the panel's thread meanwhile. The extraction itself (inject, Readability,
// Markdown, hand the text back) is timed on its own too. There is no baseline page for this.
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { atMost, row } from '../lib/rows.mjs';
import { BENCH_DIR } from '../lib/paths.mjs';

const TOGGLE = '::-p-aria([role="button"][name="Chat with this page"])';

/** Serves the fixture on 127.0.0.1, which the extension's own host access covers (no prompt). */
export async function serveArticle() {
  const html = readFileSync(`${BENCH_DIR}fixtures/article-1mb.html`);
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(html);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
  const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
  return { url: `http://127.0.0.1:${port}/wiki/Llama`, bytes: html.length, close: () => new Promise((r) => server.close(() => r(undefined))) };
}

/** Opens the real side panel on `tab` through the toolbar action, as a user's click does. */
async function openSidePanel(/** @type {import('puppeteer').Page} */ tab, /** @type {string} */ extensionId) {
  const browser = tab.browser();
  const cdp = await browser.target().createCDPSession();
  try {
    const { targetInfos } = /** @type {{ targetInfos: { targetId: string, type: string, url: string }[] }} */ (
      await cdp.send('Target.getTargets', /** @type {any} */ ({ filter: [{}] }))
    );
    const target = targetInfos.find((t) => t.type === 'tab' && t.url === tab.url());
    if (!target) throw new Error('the article has no tab target');
    await cdp.send(/** @type {any} */ ('Extensions.triggerAction'), /** @type {any} */ ({ id: extensionId, targetId: target.targetId }));
  } finally {
    await cdp.detach();
  }
  const panel = await (await browser.waitForTarget((t) => t.url().endsWith('/sidepanel.html'), { timeout: 20_000 })).asPage();
  if (!panel) throw new Error('no side panel page');
  await panel.waitForSelector(TOGGLE);
  return panel;
}

/** One click → chip, with the longest task the panel ran between them. */
async function clickToChip(/** @type {import('puppeteer').Page} */ panel) {
  await panel.evaluate(() => {
    const w = /** @type {any} */ (window);
    w.__page = { clickAt: 0, chipAt: 0, longest: 0 };
    document.addEventListener('click', () => (w.__page.clickAt ||= performance.now()), { capture: true, once: true });
    new PerformanceObserver((list) => {
      for (const e of list.getEntries())
        if (w.__page.clickAt && e.startTime + e.duration >= w.__page.clickAt) w.__page.longest = Math.max(w.__page.longest, e.duration);
    }).observe({ type: 'longtask' });
    const seen = new MutationObserver(() => {
      if (!document.querySelector('.composer .context-page')) return;
      w.__page.chipAt = performance.now();
      seen.disconnect();
    });
    seen.observe(document.body, { childList: true, subtree: true });
  });
  await panel.click(TOGGLE);
  await panel.waitForFunction(() => /** @type {any} */ (window).__page.chipAt > 0, { polling: 20, timeout: 20_000 });
  // A long task is reported after it ends: one frame later the list is complete.
  await panel.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0))));
  const m = await panel.evaluate(() => /** @type {any} */ (window).__page);
  // Off again, for the next run: the chip goes with it.
  await panel.click(TOGGLE);
  await panel.waitForFunction(() => !document.querySelector('.composer .context-page'));
  return { ms: m.chipAt - m.clickAt, longest: m.longest };
}

/** The extraction alone, from the panel: inject, Readability, Markdown, the text handed back. */
async function extractOnce(/** @type {import('puppeteer').Page} */ panel) {
  return panel.evaluate(async () => {
    const api = /** @type {any} */ (globalThis).chrome;
    const w = await api.windows.getCurrent();
    const [tab] = await api.tabs.query({ active: true, windowId: w.id });
    const t = performance.now();
    const [r] = await api.scripting.executeScript({ target: { tabId: tab.id }, files: ['/page-extract.js'] });
    return { ms: performance.now() - t, chars: r.result.markdown.length, source: r.result.source };
  });
}

/**
 * The tab's main-thread CPU time (CDP Performance ThreadTime, seconds) used by `fn`: unlike the
 * wall time, it does not grow when other processes share the cores.
 * @param {import('puppeteer').CDPSession} cdp
 * @param {() => Promise<unknown>} fn
 */
async function threadMs(cdp, fn) {
  const read = async () => {
    const { metrics } = /** @type {{ metrics: { name: string, value: number }[] }} */ (await cdp.send('Performance.getMetrics'));
    return metrics.find((m) => m.name === 'ThreadTime')?.value ?? Number.NaN;
  };
  const before = await read();
  const out = await fn();
  return { ms: ((await read()) - before) * 1000, out };
}

/** @param {import('./context.mjs').CaseContext} ctx */
export async function pageCase({ session, opts, log }) {
  const article = await serveArticle();
  const tab = await session.blank();
  try {
    await tab.goto(article.url, { waitUntil: 'load' });
    const extensionId = new URL(session.urlOf('ours')).host;
    const panel = await openSidePanel(tab, extensionId);
    await clickToChip(panel); // unmeasured: the first run compiles what later runs reuse
    /** @type {number[]} */ const chip = [];
    /** @type {number[]} */ const longest = [];
    /** @type {number[]} */ const extract = [];
    /** @type {number[]} */ const cpu = [];
    const cdp = await tab.createCDPSession();
    await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
    let last = { chars: 0, source: '' };
    for (let r = 0; r < opts.runs; r++) {
      const m = await clickToChip(panel);
      chip.push(m.ms);
      longest.push(m.longest);
      const { ms: tabCpu, out: e } = await threadMs(cdp, () => extractOnce(panel));
      extract.push(e.ms);
      cpu.push(tabCpu);
      last = e;
      log(
        `  run ${r + 1}: click → chip ${m.ms.toFixed(0)} ms (longest panel task ${m.longest.toFixed(0)} ms), extraction ${e.ms.toFixed(0)} ms (${tabCpu.toFixed(0)} ms CPU in the tab)`,
      );
    }
    const kb = (article.bytes / 1024).toFixed(0);
    return {
      id: 'page',
      title: `9. Chat with this page: a ${kb} KB article (bench/fixtures/article-1mb.html) in the real side panel`,
      rows: [
        row('page: click → chip', 'ms', null, chip, atMost(150, 'ms'), `${last.chars.toLocaleString('en')} characters of Markdown (${last.source})`),
        row('page: longest panel task meanwhile', 'ms', null, longest, atMost(50, 'ms'), 'long tasks are reported from 50 ms; 0 means none'),
        row('page: extraction in the tab (inject + Readability + Markdown)', 'ms', null, extract, undefined, 'part of click → chip, timed from the panel'),
        row(
          'page: CPU time of that extraction on the tab’s main thread',
          'ms',
          null,
          cpu,
          undefined,
          'CDP ThreadTime: what the wall times above would be on idle cores',
        ),
      ],
      charts: [],
    };
  } finally {
    await tab.close().catch(() => {});
    await article.close();
  }
}
