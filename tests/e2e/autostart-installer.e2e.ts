/** The generated auto-start installer (no Node needed), in real Chromium and Firefox ESR. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe } from 'vitest';
import { GECKO_ID } from '../../lib/extension-id';
import { findFirefox, inCI } from '../../scripts/lib/browsers.mjs';
import { autostartInstallerScenarios } from './support/autostart-installer-scenarios';
import { launchChromium } from './support/chromium';
import { launchFirefox } from './support/firefox';

const firefox = !!findFirefox();
if (!firefox) {
  if (inCI) throw new Error('Firefox is required in CI (CI=true) but was not found: install firefox-esr.');
  console.warn('\n\n*** FIREFOX NOT FOUND: the Firefox installer e2e is SKIPPED. Install firefox-esr or set FIREFOX_PATH. ***\n\n');
}

describe('Chromium: auto-start installer', () => {
  autostartInstallerScenarios(
    launchChromium,
    (s) => ({ args: ['--user-data-dir', s.userDataDir], home: mkdtempSync(join(tmpdir(), 'ollama-chat-home-')) }),
    (s) => s.extensionId,
  );
});

describe.skipIf(!firefox)('Firefox: auto-start installer', () => {
  // Firefox finds hosts under $HOME/.mozilla/native-messaging-hosts; the test Firefox has its own HOME.
  autostartInstallerScenarios(
    launchFirefox,
    (ff) => ({ args: [], home: ff.home }),
    () => GECKO_ID,
  );
});
