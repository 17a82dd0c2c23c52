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

/** Chromium flags for loading an unpacked extension on these machines (docs/spec/toolchain.md). */
/** @param {string} extensionDir */
export function chromiumArgs(extensionDir) {
  return [
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
