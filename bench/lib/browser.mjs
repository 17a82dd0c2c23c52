// Headless Chromium with the bench build loaded (docs/spec/toolchain.md's recipe), and the pages the cases
// drive. One browser per case, one page open at a time, closed on every path.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer from 'puppeteer';
import { chromiumArgs, findChromium } from '../../scripts/lib/browsers.mjs';
import { BENCH_BUILD } from './paths.mjs';

// A side panel is narrow: the same viewport for both pages, so they wrap lines alike.
const VIEWPORT = { width: 400, height: 900 };
const PAGE_TIMEOUT_MS = 20_000;

export const SEL = {
  message: 'textarea[aria-label="Message"]',
  send: 'button.button-send',
  model: 'select[aria-label="Model"]',
};

/** @typedef {'baseline' | 'ours'} Kind */

export async function launch() {
  const executablePath = findChromium();
  if (!executablePath) throw new Error('No Chromium found: set CHROME_PATH or apt-get install chromium.');
  const userDataDir = mkdtempSync(join(tmpdir(), 'ollama-chat-bench-'));
  let browser;
  try {
    browser = await puppeteer.launch({
      executablePath,
      headless: true,
      userDataDir,
      protocolTimeout: 120_000,
      ignoreDefaultArgs: ['--disable-extensions'],
      args: [
        ...chromiumArgs(BENCH_BUILD, 'en-US'),
        // Timers and frames of a page must not be throttled by what else the browser has open.
        '--disable-background-timer-throttling',
        '--disable-renderer-backgrounding',
        '--disable-backgrounding-occluded-windows',
      ],
    });
  } catch (e) {
    rmSync(userDataDir, { recursive: true, force: true });
    throw e;
  }
  const b = browser;
  try {
    const worker = await b.waitForTarget((t) => t.type() === 'service_worker' && t.url().endsWith('/background.js'), { timeout: PAGE_TIMEOUT_MS });
    return session(b, new URL(worker.url()).host, userDataDir);
  } catch (e) {
    await b.close().catch(() => {});
    rmSync(userDataDir, { recursive: true, force: true });
    throw e;
  }
}

/**
 * @param {import('puppeteer').Browser} browser
 * @param {string} extensionId
 * @param {string} userDataDir
 */
function session(browser, extensionId, userDataDir) {
  const urlOf = (/** @type {Kind} */ kind, query = '') =>
    kind === 'ours'
      ? `chrome-extension://${extensionId}/sidepanel.html`
      : `chrome-extension://${extensionId}/bench-baseline.html?model=llama3.2:latest${query}`;
  /** @type {Record<string, unknown>} */
  let base = {};

  /** A new tab, not yet navigated, so callers can hook the document before it loads. */
  const blank = async () => {
    const page = await browser.newPage();
    page.setDefaultTimeout(PAGE_TIMEOUT_MS);
    await page.setViewport(VIEWPORT);
    return page;
  };

  return {
    version: () => browser.version(),
    urlOf,
    blank,
    /**
     * Opens a page and waits until a message can be sent: ours once a model is picked (the status
     * check went through the background), the baseline once its input is enabled.
     * @param {Kind} kind
     */
    async open(kind) {
      const page = await blank();
      try {
        await page.goto(urlOf(kind), { waitUntil: 'load' });
        if (kind === 'ours') await page.waitForFunction((sel) => !!document.querySelector(sel)?.value, {}, SEL.model);
        else await page.waitForSelector(`${SEL.message}:not([disabled])`);
        return page;
      } catch (e) {
        await page.close().catch(() => {});
        throw e;
      }
    },
    /**
     * Replaces storage.local from an extension page (the e2e tests' way of configuring), and
     * remembers it for reset().
     * @param {Record<string, unknown>} items
     * @returns {Promise<number>} bytes stored, as chrome.storage counts them against its quota
     */
    async writeStorage(items) {
      base = items;
      return this.reset();
    },
    /**
     * Back to what writeStorage wrote: every exchange is saved as a conversation and the panel
     * reopens the last one, so without this each run would start with the previous run's reply.
     */
    async reset() {
      const items = base;
      const page = await blank();
      try {
        await page.goto(urlOf('baseline'), { waitUntil: 'load' });
        return await page.evaluate(async (all) => {
          const api = /** @type {any} */ (globalThis).chrome;
          await api.storage.local.clear();
          await api.storage.local.set(all);
          return api.storage.local.getBytesInUse(null);
        }, items);
      } finally {
        await page.close().catch(() => {});
      }
    },
    async close() {
      await browser.close().catch(() => {});
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** @typedef {Awaited<ReturnType<typeof launch>>} Session */
