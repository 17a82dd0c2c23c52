/** "Ask about selection" in real browsers: the click handler, the queue, and the panel. */
import { describe } from 'vitest';
import { findFirefox } from '../../scripts/lib/browsers.mjs';
import { type ChromiumSession, launchChromium } from './support/chromium';
import { launchFirefox } from './support/firefox';
import { clickFromExtensionPage, clickFromWorker } from './support/selection';
import { selectionScenarios } from './support/selection-scenarios';

describe('Chromium: ask about selection', () => {
  selectionScenarios(
    () => launchChromium(),
    async (host, click, tab) => clickFromWorker(await (host as ChromiumSession).worker(), click, tab),
  );
});

// The Firefox file already fails loudly in CI when Firefox is missing; here it is simply absent.
describe.skipIf(!findFirefox())('Firefox: ask about selection', () => {
  selectionScenarios(
    () => launchFirefox(),
    async (_host, click, tab, panel) => {
      if (!panel) throw new Error('Firefox clicks go through the open panel page');
      await clickFromExtensionPage(panel.page, click, tab);
    },
    true,
  );
});
