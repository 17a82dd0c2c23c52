// @ts-check
/**
 * Finds a browser binary: env var, puppeteer's own download (laptops), then system packages.
 * Plain JS so `npm start` (Node, no TS loader) and the TS tests share it.
 */
import { existsSync } from 'node:fs';
import puppeteer from 'puppeteer';

/** @param {(string | undefined)[]} paths */
function firstExisting(paths) {
  return paths.find((p) => !!p && existsSync(p));
}

/** @param {'chrome' | 'firefox'} browser */
function puppeteerOwn(browser) {
  try {
    const p = puppeteer.executablePath({ browser });
    return p && existsSync(p) ? p : undefined;
  } catch {
    return undefined;
  }
}

export function findChromium() {
  return firstExisting([
    process.env.CHROME_PATH,
    puppeteerOwn('chrome'),
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
    '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
    'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
  ]);
}

export function findFirefox() {
  return firstExisting([
    process.env.FIREFOX_PATH,
    puppeteerOwn('firefox'),
    '/usr/bin/firefox-esr',
    '/usr/bin/firefox',
    '/Applications/Firefox.app/Contents/MacOS/firefox',
  ]);
}

export const inCI = process.env.CI === 'true' || process.env.CI === '1';

/**
 * Chromium flags for loading an unpacked extension on these machines (docs/spec/toolchain.md).
 * @param {string} extensionDir
 * @param {string} [lang]
 */
export function chromiumArgs(extensionDir, lang) {
  return [
    ...(lang ? [`--lang=${lang}`] : []),
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--disable-dev-shm-usage',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    `--disable-extensions-except=${extensionDir}`,
    `--load-extension=${extensionDir}`,
  ];
}

/**
 * The extension's background service worker among a browser's targets.
 * @param {{ type(): string, url(): string }} t
 */
export const isExtensionWorker = (t) => t.type() === 'service_worker' && t.url().endsWith('/background.js');

/**
 * Chromium with the unpacked extension in `extensionDir`, once its service worker runs: the one
 * launch `npm start`, `npm run screenshots` and the e2e share. A browser whose worker never
 * starts is closed before the error is thrown.
 * @param {{ executablePath: string, extensionDir: string, userDataDir: string, headless?: boolean, windowSized?: boolean, timeout?: number, lang?: string }} o
 *   windowSized: pages take the window's size (a visible browser) instead of puppeteer's 800×600
 *   lang: the browser's UI language (e.g. "de"), which picks the extension's; the machine's by default
 */
export async function launchChromiumWithExtension({ executablePath, extensionDir, userDataDir, headless = true, windowSized = false, timeout = 30_000, lang }) {
  const browser = await puppeteer.launch({
    executablePath,
    headless,
    userDataDir,
    ...(windowSized ? { defaultViewport: null } : {}),
    ignoreDefaultArgs: ['--disable-extensions'],
    args: chromiumArgs(extensionDir, lang),
  });
  try {
    const target = await browser.waitForTarget(isExtensionWorker, { timeout });
    return { browser, target, extensionId: new URL(target.url()).host };
  } catch (e) {
    await browser.close().catch(() => {});
    throw e;
  }
}
