/** Keyboard only, in Chromium and Firefox ESR: focus, shortcuts, the streaming indicator, the reply footer. */
import { describe } from 'vitest';
import { findFirefox, inCI } from '../../scripts/lib/browsers.mjs';
import { launchChromium } from './support/chromium';
import { launchFirefox } from './support/firefox';
import { keyboardScenarios } from './support/keyboard-scenarios';

const firefox = !!findFirefox();
if (!firefox && inCI) throw new Error('Firefox is required in CI (CI=true) but was not found: install firefox-esr.');

describe('Chromium: keyboard only', () => {
  keyboardScenarios(() => launchChromium());
});

describe.skipIf(!firefox)('Firefox: keyboard only', () => {
  keyboardScenarios(() => launchFirefox());
});
