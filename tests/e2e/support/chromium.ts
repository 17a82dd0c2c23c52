/** Real Chromium with the built extension loaded (docs/spec/toolchain.md's verified recipe). */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { WebWorker } from 'puppeteer';
import { findChromium, isExtensionWorker, launchChromiumWithExtension } from '../../../scripts/lib/browsers.mjs';
import type { ExtensionHost } from './host';

/** The e2e build (`npm run build:test`): the shipped one plus the test hooks. */
export const CHROME_BUILD = resolve('.output/test/chrome-mv3');

export interface ChromiumSession extends ExtensionHost {
  extensionId: string;
  userDataDir: string;
  /** The background service worker (re-fetched: it can be restarted). */
  worker(): Promise<WebWorker>;
}

/** `lang`: the browser's UI language; English unless a test is about another one. */
export async function launchChromium(extensionDir = CHROME_BUILD, lang = 'en-US'): Promise<ChromiumSession> {
  const executablePath = findChromium();
  if (!executablePath) throw new Error('No Chromium found: set CHROME_PATH or install chromium.');
  const userDataDir = mkdtempSync(join(tmpdir(), 'ollama-chat-chromium-'));
  const { browser, extensionId } = await launchChromiumWithExtension({ executablePath, extensionDir, userDataDir, timeout: 20_000, lang });

  return {
    name: 'chromium',
    browser: () => browser,
    extensionId,
    userDataDir,
    async worker() {
      // Just after install Chromium can replace the first worker; the old one answers without
      // `chrome` (seen in CI). Ask for the target again until the worker has the API.
      for (let attempt = 1; ; attempt++) {
        const t = await browser.waitForTarget(isExtensionWorker, { timeout: 20_000 });
        const w = await t.worker();
        if (w && (await w.evaluate(() => 'chrome' in globalThis).catch(() => false))) return w;
        if (attempt >= 10) throw new Error('the extension service worker never had the chrome API');
        await new Promise((r) => setTimeout(r, 200));
      }
    },
    async openPanel(inNewWindow = false) {
      const page = await browser.newPage(inNewWindow ? { type: 'window' } : undefined);
      await page.goto(`chrome-extension://${extensionId}/sidepanel.html`);
      return page;
    },
    async close() {
      await browser.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}
