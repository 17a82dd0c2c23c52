/** Firefox ESR with the built extension, over WebDriver BiDi (toolchain.md's verified recipe). */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import puppeteer, { type Page } from 'puppeteer';
import { GECKO_ID } from '../../../lib/extension-id';
import { findFirefox } from './browsers';
import type { ExtensionHost } from './host';

export const FIREFOX_BUILD = resolve('.output/firefox-mv2');
// A fixed internal UUID, so the panel's moz-extension:// URL is known before install.
export const FIREFOX_UUID = '6b1d3c7e-4f0a-4c1e-9a51-0c11a7a0e2d4';

export async function launchFirefox(extensionDir = FIREFOX_BUILD): Promise<ExtensionHost> {
  const executablePath = findFirefox();
  if (!executablePath) throw new Error('No Firefox found: set FIREFOX_PATH or install firefox-esr.');
  const home = mkdtempSync(join(tmpdir(), 'ollama-chat-firefox-'));
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath,
    headless: true,
    args: ['--remote-allow-system-access'],
    env: { ...process.env, HOME: home },
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: FIREFOX_UUID }),
      // Closed network here: no update, telemetry or safe-browsing traffic.
      'app.update.enabled': false,
      'datareporting.policy.dataSubmissionEnabled': false,
      'browser.safebrowsing.malware.enabled': false,
      'browser.safebrowsing.phishing.enabled': false,
    },
  });
  await browser.installExtension(extensionDir);
  const base = `moz-extension://${FIREFOX_UUID}`;

  return {
    name: 'firefox',
    browser: () => browser,
    async openPanel(): Promise<Page> {
      const page = await browser.newPage();
      // goto on moz-extension:// never resolves over BiDi; the page loads all the same, so we
      // wait for the panel itself instead.
      void page.goto(`${base}/sidepanel.html`, { timeout: 30_000 }).catch(() => {});
      await page.waitForSelector('textarea[aria-label="Message"]', { timeout: 15_000 });
      return page;
    },
    async close() {
      await browser.close();
      rmSync(home, { recursive: true, force: true });
    },
  };
}
