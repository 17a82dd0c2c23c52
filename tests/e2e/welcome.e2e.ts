/** The welcome view and the banner's actions, in real Chromium and Firefox ESR. */
import { describe } from 'vitest';
import { findFirefox, inCI } from '../../scripts/lib/browsers.mjs';
import { launchChromium } from './support/chromium';
import { launchFirefox } from './support/firefox';
import { runInstaller } from './support/recovery-scenarios';
import { welcomeScenarios } from './support/welcome-scenarios';

const firefox = !!findFirefox();
if (!firefox) {
  // Allowed on a laptop without Firefox only; in CI a missing browser fails the run.
  if (inCI) throw new Error('Firefox is required in CI (CI=true) but was not found: install firefox-esr.');
  console.warn('\n\n*** FIREFOX NOT FOUND: the Firefox welcome e2e is SKIPPED. Install firefox-esr or set FIREFOX_PATH. ***\n\n');
}

describe('Chromium: welcome and banner actions', () => {
  welcomeScenarios(launchChromium, (s, port, command) => runInstaller(port, command, ['--user-data-dir', s.userDataDir]));
});

describe.skipIf(!firefox)('Firefox: welcome and banner actions', () => {
  // Firefox finds hosts under $HOME/.mozilla/native-messaging-hosts; the test Firefox has its own HOME.
  welcomeScenarios(launchFirefox, (ff, port, command) => runInstaller(port, command, ['--browser', 'firefox'], { HOME: ff.home }));
});
