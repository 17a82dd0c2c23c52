/** The same chat, history and native-host scenarios in Firefox ESR (MV2 sidebar build). */
import { describe } from 'vitest';
import { findFirefox, inCI } from '../../scripts/lib/browsers.mjs';
import { launchFirefox } from './support/firefox';
import { historyScenarios } from './support/history-scenarios';
import { recoveryScenarios, runInstaller } from './support/recovery-scenarios';
import { chatScenarios } from './support/scenarios';
import { twoPanelScenarios } from './support/two-panel-scenarios';

const available = !!findFirefox();
if (!available) {
  // Allowed on a laptop without Firefox only; in CI a missing browser fails the run.
  if (inCI) throw new Error('Firefox is required in CI (CI=true) but was not found: install firefox-esr.');
  console.warn('\n\n*** FIREFOX NOT FOUND: the Firefox e2e is SKIPPED. Install firefox-esr or set FIREFOX_PATH. ***\n\n');
}

describe.skipIf(!available)('Firefox: chat', () => {
  chatScenarios(() => launchFirefox());
});

describe.skipIf(!available)('Firefox: two panels, one conversation', () => {
  twoPanelScenarios(() => launchFirefox());
});

describe.skipIf(!available)('Firefox: conversation history', () => {
  historyScenarios(() => launchFirefox());
});

describe.skipIf(!available)('Firefox: Ollama starts itself (native host)', () => {
  // Firefox finds hosts under $HOME/.mozilla/native-messaging-hosts; the test Firefox has its own HOME.
  recoveryScenarios(launchFirefox, (ff, port, command) => runInstaller(port, command, ['--browser', 'firefox'], { HOME: ff.home }));
});
