/**
 * Settings in Firefox ESR: the shared scenarios, plus the host-permission round trip, which needs
 * a grant without a prompt (Chromium always prompts, and automation cannot answer it).
 */
import { describe } from 'vitest';
import { findFirefox, inCI } from '../../scripts/lib/browsers.mjs';
import { launchFirefox } from './support/firefox';
import { permissionScenarios, settingsScenarios } from './support/settings-scenarios';

const available = !!findFirefox();
if (!available) {
  // Allowed on a laptop without Firefox only; in CI a missing browser fails the run.
  if (inCI) throw new Error('Firefox is required in CI (CI=true) but was not found: install firefox-esr.');
  console.warn('\n\n*** FIREFOX NOT FOUND: the Firefox settings e2e is SKIPPED. Install firefox-esr or set FIREFOX_PATH. ***\n\n');
}

describe.skipIf(!available)('Firefox: settings', () => {
  settingsScenarios(() => launchFirefox());
  permissionScenarios(() => launchFirefox(undefined, { 'extensions.webextOptionalPermissionPrompts': false }));
});
