/**
 * The background outlives a slow model in both browsers (issue 11): each case has its own browser
 * and simulator and they run side by side, since each mostly waits (45 s + 40 s).
 */
import { describe, expect, it } from 'vitest';
import { findFirefox, inCI } from '../../scripts/lib/browsers.mjs';
import { type ChromiumSession, launchChromium } from './support/chromium';
import { launchFirefox } from './support/firefox';
import { LONG_TEST_MS, slowReplyPanelClosed, slowReplyPanelOpen } from './support/lifetime-scenarios';

const firefox = !!findFirefox();
if (!firefox && inCI) throw new Error('Firefox is required in CI (CI=true) but was not found: install firefox-esr.');
if (!firefox) console.warn('\n\n*** FIREFOX NOT FOUND: the Firefox lifetime e2e is SKIPPED. Install firefox-esr. ***\n\n');

const isWorker = (t: { type(): string; url(): string }) => t.type() === 'service_worker' && t.url().endsWith('/background.js');

/** With nothing running, Chrome may stop the worker again (30 s idle): the keep-alive let go. */
async function workerStopsWhenIdle(s: ChromiumSession): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (s.browser().targets().some(isWorker)) {
    if (Date.now() > deadline) throw new Error('the idle service worker was never stopped: something keeps it alive');
    await new Promise((r) => setTimeout(r, 500));
  }
  expect(s.browser().targets().some(isWorker)).toBe(false);
}

describe.concurrent('a 45 s model load and a 40 s pause mid-reply lose nothing', () => {
  it('Chromium, panel open', () => slowReplyPanelOpen(launchChromium), LONG_TEST_MS);
  it(
    'Chromium, panel closed during the wait; idle afterwards, the worker may stop',
    () => slowReplyPanelClosed(launchChromium, workerStopsWhenIdle),
    LONG_TEST_MS + 60_000,
  );
  it.skipIf(!firefox)('Firefox ESR, panel open', () => slowReplyPanelOpen(launchFirefox), LONG_TEST_MS);
  it.skipIf(!firefox)('Firefox ESR, panel closed during the wait', () => slowReplyPanelClosed(launchFirefox), LONG_TEST_MS);
});
