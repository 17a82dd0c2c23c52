/** Accessibility and layout of the panel in Firefox ESR: the same scenarios as Chromium. */
import { describe } from 'vitest';
import { findFirefox, inCI } from '../../scripts/lib/browsers.mjs';
import { a11yScenarios } from './support/a11y-scenarios';
import { layoutScenarios } from './support/layout-scenarios';
import { darkOsScenarios } from './support/dark-os-scenarios';
import { FIREFOX_BUILD, launchFirefox } from './support/firefox';

const available = !!findFirefox();
if (!available) {
  // Allowed on a laptop without Firefox only; in CI a missing browser fails the run.
  if (inCI) throw new Error('Firefox is required in CI (CI=true) but was not found: install firefox-esr.');
  console.warn('\n\n*** FIREFOX NOT FOUND: the Firefox a11y e2e is SKIPPED. Install firefox-esr or set FIREFOX_PATH. ***\n\n');
}

describe.skipIf(!available)('Firefox: accessibility (axe-core), light and dark', () => {
  a11yScenarios(() => launchFirefox());
});

describe.skipIf(!available)('Firefox: layout at 320 and 800 px, and the theme', () => {
  layoutScenarios(() => launchFirefox());
});

describe.skipIf(!available)('Firefox: a dark OS', () => {
  // What Firefox takes the OS's scheme to be, for pages and extension pages alike.
  darkOsScenarios(() => launchFirefox(FIREFOX_BUILD, { 'ui.systemUsesDarkTheme': 1 }));
});
