/** "Chat with this page" in real browsers: the real panel beside real tabs (support/page-browser.ts). */
import { describe } from 'vitest';
import { findFirefox } from '../../scripts/lib/browsers.mjs';
import { launchChromium } from './support/chromium';
import { launchFirefox } from './support/firefox';
import { chromiumPage, firefoxPage } from './support/page-browser';
import { pageScenarios } from './support/page-scenarios';

describe('Chromium: chat with this page', () => {
  pageScenarios(async () => chromiumPage(await launchChromium()));
});

describe.skipIf(!findFirefox())('Firefox: chat with this page', () => {
  pageScenarios(async () => firefoxPage(await launchFirefox(undefined, { 'extensions.webextOptionalPermissionPrompts': false })));
});
