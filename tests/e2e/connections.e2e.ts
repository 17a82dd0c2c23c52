/** Connections (issue 14): a second Ollama behind a proxy with a bearer token, in Chromium and Firefox ESR. */
import type { WebWorker } from 'puppeteer';
import { describe } from 'vitest';
import { findFirefox, inCI } from '../../scripts/lib/browsers.mjs';
import { type ChromiumSession, launchChromium } from './support/chromium';
import { connectionPermissionScenario, connectionsScenarios } from './support/connections-scenarios';
import { launchFirefox } from './support/firefox';

// Chromium's background is a service worker: its console copy is read there (lib/background/test-hook.ts).
const workerConsole = async (host: unknown) => {
  const worker: WebWorker = await (host as ChromiumSession).worker();
  return worker.evaluate(() => (globalThis as unknown as { ollamaChatTest: { consoleText(): string } }).ollamaChatTest.consoleText());
};

describe('Chromium: connections', () => {
  connectionsScenarios(() => launchChromium(), workerConsole);
});

const available = !!findFirefox();
// Allowed on a laptop without Firefox only; in CI a missing browser fails the run.
if (!available && inCI) throw new Error('Firefox is required in CI (CI=true) but was not found: install firefox-esr.');

describe.skipIf(!available)('Firefox: connections', () => {
  connectionsScenarios(() => launchFirefox());
  describe('host permissions', () => {
    connectionPermissionScenario(() => launchFirefox(undefined, { 'extensions.webextOptionalPermissionPrompts': false }));
  });
});
