/** "Screenshot" in real browsers: the real panel beside a real tab (support/screenshot-browser.ts). */
import { describe } from 'vitest';
import { findFirefox, inCI } from '../../scripts/lib/browsers.mjs';
import { chromiumShot, firefoxShot } from './support/screenshot-browser';
import { screenshotScenarios } from './support/screenshot-scenarios';

const firefox = !!findFirefox();
if (!firefox && inCI) throw new Error('Firefox is required in CI (CI=true) but was not found: install firefox-esr.');

describe('Chromium: screenshot of the visible tab', () => {
  // Granted at install (its prompt cannot be answered by automation): no refusal case here.
  screenshotScenarios(chromiumShot, { refusal: false, restrictedUrl: 'chrome://version/' });
});

describe.skipIf(!firefox)('Firefox: screenshot of the visible tab', () => {
  // The real prompt, answered in Firefox's own UI: refused first, then allowed. Firefox captures
  // even its own about: pages (about:license was, at the window's size): no page to be refused.
  screenshotScenarios(firefoxShot, { refusal: true });
});
