/** "Ask about selection" in real browsers: a real page, the context menu, the queue and the panel. */
import { describe } from 'vitest';
import { findFirefox } from '../../scripts/lib/browsers.mjs';
import { launchChromium } from './support/chromium';
import { launchFirefox } from './support/firefox';
import { chromiumSelection, firefoxSelection } from './support/selection';
import { selectionScenarios } from './support/selection-scenarios';

describe('Chromium: ask about selection', () => {
  selectionScenarios(async (url) => chromiumSelection(await launchChromium(), url));
});

// The Firefox file already fails loudly in CI when Firefox is missing; here it is simply absent.
describe.skipIf(!findFirefox())('Firefox: ask about selection', () => {
  selectionScenarios(async (url) => firefoxSelection(await launchFirefox(), url));
});
