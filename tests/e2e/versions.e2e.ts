/** Regenerate and edit with versions, in Chromium and Firefox ESR (tests/e2e/support/versions-scenarios.ts). */
import { describe } from 'vitest';
import { findFirefox, inCI } from '../../scripts/lib/browsers.mjs';
import { launchChromium } from './support/chromium';
import { launchFirefox } from './support/firefox';
import { versionsScenarios } from './support/versions-scenarios';

const firefox = !!findFirefox();
if (!firefox && inCI) throw new Error('Firefox is required in CI (CI=true) but was not found: install firefox-esr.');

describe('Chromium: regenerate and edit with versions', () => {
  versionsScenarios(() => launchChromium());
});

describe.skipIf(!firefox)('Firefox: regenerate and edit with versions', () => {
  versionsScenarios(() => launchFirefox());
});
