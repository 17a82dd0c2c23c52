/** PDFs, the context budget and the truncation warning (issue 13) in Chromium and Firefox ESR, against the simulator. */
import { describe } from 'vitest';
import { findFirefox, inCI } from '../../scripts/lib/browsers.mjs';
import { launchChromium } from './support/chromium';
import { launchFirefox } from './support/firefox';
import { pdfScenarios } from './support/pdf-scenarios';

describe('Chromium: PDFs and the context budget', () => {
  pdfScenarios(() => launchChromium());
});

const available = !!findFirefox();
// Allowed on a laptop without Firefox only; in CI a missing browser fails the run.
if (!available && inCI) throw new Error('Firefox is required in CI (CI=true) but was not found: install firefox-esr.');

describe.skipIf(!available)('Firefox: PDFs and the context budget', () => {
  pdfScenarios(() => launchFirefox());
});
