/**
 * The panel in German and Japanese (Chromium, which carries every language) and in German in
 * Firefox ESR, which needs its German language pack (firefox-esr-l10n-de; .ci/run installs it).
 */
import { existsSync, readdirSync, realpathSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe } from 'vitest';
import { findFirefox, inCI } from '../../scripts/lib/browsers.mjs';
import { CHROME_BUILD, launchChromium } from './support/chromium';
import { FIREFOX_BUILD, launchFirefox } from './support/firefox';
import { localeScenarios } from './support/locale-scenarios';

/** Whether this Firefox has the German language pack (without it, it can only show English). */
function firefoxHasGerman(): boolean {
  const binary = findFirefox();
  if (!binary) return false;
  const extensions = join(dirname(realpathSync(binary)), 'browser', 'extensions');
  return existsSync(extensions) && readdirSync(extensions).some((f) => f.startsWith('langpack-de@'));
}

const german = firefoxHasGerman();
if (!german) {
  // Allowed on a laptop only; in CI a missing browser or language pack fails the run.
  if (inCI) throw new Error('Firefox with its German language pack is required in CI (CI=true): install firefox-esr and firefox-esr-l10n-de.');
  console.warn('\n\n*** FIREFOX OR ITS GERMAN LANGUAGE PACK NOT FOUND: the Firefox locale e2e is SKIPPED. Install firefox-esr-l10n-de. ***\n\n');
}

describe('Chromium in German', () => {
  localeScenarios(() => launchChromium(CHROME_BUILD, 'de'), 'de', 'de');
});

describe('Chromium in Japanese', () => {
  localeScenarios(() => launchChromium(CHROME_BUILD, 'ja'), 'ja', 'ja');
});

describe.skipIf(!german)('Firefox in German', () => {
  localeScenarios(() => launchFirefox(FIREFOX_BUILD, { 'intl.locale.requested': 'de' }), 'de', 'de');
});
