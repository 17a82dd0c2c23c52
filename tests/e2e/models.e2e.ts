/** The Models view (pull, cancel, resume, delete, unload), in real Chromium and Firefox ESR. */
import { describe } from 'vitest';
import { findFirefox, inCI } from '../../scripts/lib/browsers.mjs';
import { launchChromium } from './support/chromium';
import { launchFirefox } from './support/firefox';
import { modelsScenarios } from './support/models-scenarios';

const firefox = !!findFirefox();
if (!firefox) {
  // Allowed on a laptop without Firefox only; in CI a missing browser fails the run.
  if (inCI) throw new Error('Firefox is required in CI (CI=true) but was not found: install firefox-esr.');
  console.warn('\n\n*** FIREFOX NOT FOUND: the Firefox models e2e is SKIPPED. Install firefox-esr or set FIREFOX_PATH. ***\n\n');
}

describe('Chromium: models', () => {
  modelsScenarios(launchChromium);
});

describe.skipIf(!firefox)('Firefox: models', () => {
  modelsScenarios(launchFirefox);
});
