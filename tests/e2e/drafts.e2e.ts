/** Unsent text kept per conversation (drafts) in Chromium and Firefox ESR, against the simulator. */
import { describe } from 'vitest';
import { findFirefox, inCI } from '../../scripts/lib/browsers.mjs';
import { launchChromium } from './support/chromium';
import { draftsScenarios } from './support/drafts-scenarios';
import { launchFirefox } from './support/firefox';

describe('Chromium: drafts', () => {
  draftsScenarios(() => launchChromium());
});

const available = !!findFirefox();
// Allowed on a laptop without Firefox only; in CI a missing browser fails the run.
if (!available && inCI) throw new Error('Firefox is required in CI (CI=true) but was not found: install firefox-esr.');

describe.skipIf(!available)('Firefox: drafts', () => {
  draftsScenarios(() => launchFirefox());
});
