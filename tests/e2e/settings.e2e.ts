/** Settings in real Chromium: damaged stored values, wildcard URLs, the clear-text warning. */
import { describe } from 'vitest';
import { launchChromium } from './support/chromium';
import { settingsScenarios } from './support/settings-scenarios';

describe('Chromium: settings', () => {
  settingsScenarios(() => launchChromium());
});
