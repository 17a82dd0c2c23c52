/** Finds a browser binary: env var, puppeteer's own download (laptops), then system packages. */
import { existsSync } from 'node:fs';
import puppeteer from 'puppeteer';

function firstExisting(paths: (string | undefined)[]): string | undefined {
  return paths.find((p): p is string => !!p && existsSync(p));
}

function puppeteerOwn(browser: 'chrome' | 'firefox'): string | undefined {
  try {
    const p = puppeteer.executablePath({ browser });
    return p && existsSync(p) ? p : undefined;
  } catch {
    return undefined;
  }
}

export function findChromium(): string | undefined {
  return firstExisting([
    process.env.CHROME_PATH,
    puppeteerOwn('chrome'),
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
    '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  ]);
}

export function findFirefox(): string | undefined {
  return firstExisting([
    process.env.FIREFOX_PATH,
    puppeteerOwn('firefox'),
    '/usr/bin/firefox-esr',
    '/usr/bin/firefox',
    '/Applications/Firefox.app/Contents/MacOS/firefox',
  ]);
}

export const inCI = process.env.CI === 'true' || process.env.CI === '1';
