/** Accessibility and layout of the panel in real Chromium: axe-core in every state, both schemes. */
import { describe } from 'vitest';
import { a11yScenarios } from './support/a11y-scenarios';
import { layoutScenarios } from './support/layout-scenarios';
import { launchChromium } from './support/chromium';

describe('Chromium: accessibility (axe-core), light and dark', () => {
  a11yScenarios(() => launchChromium());
});

describe('Chromium: layout at 320 and 800 px, and the theme', () => {
  layoutScenarios(() => launchChromium());
});
