/**
 * A model pull survives the background's restart. Chromium: the service worker is stopped over
 * CDP, as Chrome stops an idle one. Firefox ESR: its event page cannot be unloaded from a test
 * while the pull's keep-alive holds it, so the extension is reloaded (runtime.reload, as an update
 * does), which restarts the background just the same. (In the e2e's Chromium, an extension that
 * reloads itself stays blocked, so Chromium is tested with the stopped worker only.)
 */
import type { Page } from 'puppeteer';
import { describe, it } from 'vitest';
import { findFirefox, inCI } from '../../scripts/lib/browsers.mjs';
import { launchChromium } from './support/chromium';
import { launchFirefox } from './support/firefox';
import { cancelledPullNotResumed, pullResumesAfterRestart, pullWaitsForOllama, type RestartBackground } from './support/pull-resume-scenarios';

// page.evaluate runs in the page: Chromium's extension API is `chrome`, Firefox's `browser`.
declare const chrome: typeof browser;

const firefox = !!findFirefox();
if (!firefox && inCI) throw new Error('Firefox is required in CI (CI=true) but was not found: install firefox-esr.');
if (!firefox) console.warn('\n\n*** FIREFOX NOT FOUND: the Firefox pull-resume e2e is SKIPPED. Install firefox-esr. ***\n\n');

const stopWorker: RestartBackground = async (_host, panel) => {
  const cdp = await panel.createCDPSession();
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await cdp.detach();
};

/** The extension reloads itself; its pages close, the background starts again. */
const reloadExtension: RestartBackground = async (_host, panel: Page) => {
  await panel
    .evaluate(() => {
      const api = typeof browser !== 'undefined' ? browser : chrome;
      api.runtime.reload();
    })
    .catch(() => {});
};

const LONG = 90_000;

describe('Chromium: a pull survives a stopped service worker', () => {
  it(
    'the restarted worker pulls again, the Models view shows the progress, the pull completes',
    () => pullResumesAfterRestart(launchChromium, stopWorker),
    LONG,
  );
  it('a cancelled pull is not resumed', () => cancelledPullNotResumed(launchChromium, stopWorker), LONG);
  it('Ollama down at the restart: the pull waits, and goes on once Ollama answers', () => pullWaitsForOllama(launchChromium, stopWorker), LONG);
});

describe.skipIf(!firefox)('Firefox ESR: a pull survives the background restarting', () => {
  it(
    'the restarted background pulls again, the Models view shows the progress, the pull completes',
    () => pullResumesAfterRestart(launchFirefox, reloadExtension),
    LONG,
  );
  it('a cancelled pull is not resumed', () => cancelledPullNotResumed(launchFirefox, reloadExtension), LONG);
  it('Ollama down at the restart: the pull waits, and goes on once Ollama answers', () => pullWaitsForOllama(launchFirefox, reloadExtension), LONG);
});
