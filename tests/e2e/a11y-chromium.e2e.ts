/** Accessibility and layout of the panel in real Chromium: axe-core in every state, both schemes. */
import { describe } from 'vitest';
import { a11yScenarios } from './support/a11y-scenarios';
import { launchChromium } from './support/chromium';
import { darkOsScenarios } from './support/dark-os-scenarios';
import { layoutScenarios } from './support/layout-scenarios';

describe('Chromium: accessibility (axe-core), light and dark', () => {
  a11yScenarios(() => launchChromium());
});

describe('Chromium: layout at 320 and 800 px, and the theme', () => {
  layoutScenarios(() => launchChromium());
});

describe('Chromium: a dark OS', () => {
  // The OS's scheme as Chromium reports it to each panel page (CDP media emulation).
  darkOsScenarios(async () => {
    const s = await launchChromium();
    return {
      ...s,
      async openPanel(inNewWindow) {
        const page = await s.openPanel(inNewWindow);
        await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: 'dark' }]);
        return page;
      },
    };
  });
});
