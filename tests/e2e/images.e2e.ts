/** Images for vision models, in Chromium and Firefox ESR (tests/e2e/support/images-scenarios.ts). */
import { describe } from 'vitest';
import { findFirefox, inCI } from '../../scripts/lib/browsers.mjs';
import { launchChromium } from './support/chromium';
import { launchFirefox } from './support/firefox';
import { imagesScenarios } from './support/images-scenarios';

const firefox = !!findFirefox();
if (!firefox && inCI) throw new Error('Firefox is required in CI (CI=true) but was not found: install firefox-esr.');

describe('Chromium: images for vision models', () => {
  imagesScenarios(() => launchChromium());
});

describe.skipIf(!firefox)('Firefox: images for vision models', () => {
  imagesScenarios(() => launchFirefox());
});
