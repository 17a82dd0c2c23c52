/** Firefox ESR with the built extension, over WebDriver BiDi (docs/spec/toolchain.md's verified recipe). */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import puppeteer, { type Page } from 'puppeteer';
import { GECKO_ID } from '../../../lib/extension-id';
import { findFirefox } from '../../../scripts/lib/browsers.mjs';
import type { ExtensionHost } from './host';

/** The e2e build (`npm run build:test`): the shipped one plus the test hooks and the probe page. */
export const FIREFOX_BUILD = resolve('.output/test/firefox-mv2');
// A fixed internal UUID, so the panel's moz-extension:// URL is known before install.
export const FIREFOX_UUID = '6b1d3c7e-4f0a-4c1e-9a51-0c11a7a0e2d4';

export interface FirefoxHost extends ExtensionHost {
  /** The HOME Firefox runs with: where it looks for native messaging hosts (~/.mozilla/…). */
  readonly home: string;
  /** Opens the e2e build's probe page: an extension page that is not a panel. */
  openProbe(): Promise<Page>;
}

/** `prefs` are added to the profile (e.g. to grant optional permissions without a prompt). */
export async function launchFirefox(extensionDir = FIREFOX_BUILD, prefs: Record<string, unknown> = {}): Promise<FirefoxHost> {
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
      // The tests read English names whatever the machine's language.
      'intl.locale.requested': 'en-US',
      ...prefs,
    },
  });
  await browser.installExtension(extensionDir);
  const base = `moz-extension://${FIREFOX_UUID}`;

  // goto on moz-extension:// never resolves over BiDi, and now and then (under load) the
  // navigation never starts; so wait for the page itself, and retry in a fresh tab.
  const openExtensionPage = async (file: string, ready: string, inNewWindow = false): Promise<Page> => {
    let lastError: unknown;
    for (let attempt = 0; attempt < 4; attempt++) {
      const page = await browser.newPage(inNewWindow ? { type: 'window' } : undefined);
      void page.goto(`${base}/${file}`, { timeout: 30_000 }).catch(() => {});
      const deadline = Date.now() + 5000;
      while (Date.now() < deadline) {
        try {
          // A wait can also fail early when the navigation swaps the document under it.
          await page.waitForSelector(ready, { timeout: Math.max(100, deadline - Date.now()) });
          return page;
        } catch (e) {
          lastError = e;
        }
      }
      await page.close().catch(() => {});
    }
    throw lastError;
  };

  return {
    name: 'firefox',
    home,
    browser: () => browser,
    openPanel: (inNewWindow = false) => openExtensionPage('sidepanel.html', 'textarea.composer-input', inNewWindow),
    openProbe: () => openExtensionPage('e2e-probe.html', '#e2e-probe'),
    async close() {
      await browser.close();
      rmSync(home, { recursive: true, force: true });
    },
  };
}
