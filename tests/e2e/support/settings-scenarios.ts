/**
 * Settings in every browser: what a damaged stored value, a wildcard URL and a clear-text remote
 * server look like to the user. The permission round trip needs a prompt-free grant, which only
 * Firefox offers to automation (permissionScenarios, run by the Firefox file).
 */
import type { Page } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator } from '../../sim/server.mjs';
import { type ExtensionHost, openConfiguredPanel, storedSettings } from './host';
import { SEL } from './panel';

const FORM = 'form[aria-label="Settings"]';
const URL_FIELD = `${FORM} input[inputmode="url"]`;
const SAVE = `${FORM} button[type="submit"]`;
const WARNING = 'This connection is not encrypted: anyone on the network can read your chats. Use https:// or a local Ollama.';

// page.evaluate runs outside the page's CSP; the extension API is `browser` in Firefox.
declare const browser: { permissions: { contains(p: { origins: string[] }): Promise<boolean> } } | undefined;
declare const chrome: NonNullable<typeof browser>;

/** Opens Settings and waits for the stored values, which would otherwise overwrite an edit. */
async function openSettings(page: Page): Promise<void> {
  await page.click(SEL.settings);
  await page.waitForFunction((sel) => (document.querySelector(sel) as HTMLInputElement | null)?.value, {}, URL_FIELD);
}

/** Replaces the field's text the way typing does (an input event), in either browser. */
async function setUrl(page: Page, value: string): Promise<void> {
  await page.$eval(
    URL_FIELD,
    (el, v) => {
      (el as HTMLInputElement).value = v;
      el.dispatchEvent(new Event('input', { bubbles: true }));
    },
    value,
  );
}

const warningText = (page: Page) => page.$eval('#settings-warning', (e) => e.textContent).catch(() => null);

async function hasOrigin(page: Page, origin: string): Promise<boolean> {
  return page.evaluate(async (o) => (typeof browser !== 'undefined' ? browser : chrome).permissions.contains({ origins: [o] }), origin);
}

export function settingsScenarios(launch: () => Promise<ExtensionHost>): void {
  let host: ExtensionHost;
  let sim: Awaited<ReturnType<typeof startSimulator>>;
  beforeAll(async () => {
    [host, sim] = await Promise.all([launch(), startSimulator()]);
  });
  afterAll(async () => {
    await host?.close();
    await sim?.close();
  });

  it('damaged stored settings: each bad field falls back to its default, the good ones are used', async () => {
    // A negative stall timeout or a null first-token timeout would cancel every reply at once.
    const damaged = {
      baseUrl: sim.url,
      defaultModel: 42,
      stallTimeoutMs: -1,
      firstTokenTimeoutMs: null,
      selectionLimit: 'lots',
      autoStart: 'no',
      customPrompts: {},
    };
    const p = await openConfiguredPanel(host, damaged as never);
    await p.waitForStatus('Connected');
    await p.ask('Still working?');
    expect(await p.waitForReplyEnd(0)).toBe('done');
    await openSettings(p.page);
    const field = (sel: string) => p.page.$eval(`${FORM} ${sel}`, (e) => (e as HTMLInputElement).value);
    expect(await field('input[inputmode="url"]')).toBe(sim.url);
    expect(await field('input[type="number"]')).toBe('8000');
    expect(await p.page.$eval(`${FORM} input[type="checkbox"]`, (e) => (e as HTMLInputElement).checked)).toBe(true);
    await p.page.close();
  });

  it('a wildcard URL is refused inline and nothing is saved', async () => {
    const p = await openConfiguredPanel(host, { baseUrl: sim.url });
    await openSettings(p.page);
    await setUrl(p.page, 'http://*:11434');
    await p.page.click(SAVE);
    await p.page.waitForFunction(() => document.querySelector('#settings-error')?.textContent?.includes('wildcards (*) are not allowed'));
    expect(await p.page.$eval(URL_FIELD, (e) => e.getAttribute('aria-invalid'))).toBe('true');
    expect(await storedSettings(p.page)).toEqual({ baseUrl: sim.url });
    await p.page.close();
  });

  it('plain http to another machine shows the warning as it is typed; https and local do not', async () => {
    const p = await openConfiguredPanel(host, { baseUrl: sim.url });
    await openSettings(p.page);
    expect(await warningText(p.page)).toBeNull();
    await setUrl(p.page, 'http://192.168.1.20:11434');
    await p.page.waitForSelector('#settings-warning');
    expect(await warningText(p.page)).toBe(WARNING);
    expect(await p.page.$('#settings-error')).toBeNull();
    await setUrl(p.page, 'https://192.168.1.20:11434');
    await p.page.waitForFunction(() => !document.querySelector('#settings-warning'));
    await setUrl(p.page, 'http://localhost:11434');
    expect(await warningText(p.page)).toBeNull();
    await p.page.close();
  });
}

/**
 * Saving a remote server asks for its host; moving away gives the grant back. Needs a browser
 * that grants without a prompt (Firefox with extensions.webextOptionalPermissionPrompts=false).
 */
export function permissionScenarios(launch: () => Promise<ExtensionHost>): void {
  describe('a remote server and its host permission', () => {
    let host: ExtensionHost;
    let sim: Awaited<ReturnType<typeof startSimulator>>;
    beforeAll(async () => {
      [host, sim] = await Promise.all([launch(), startSimulator()]);
    });
    afterAll(async () => {
      await host?.close();
      await sim?.close();
    });

    it('plain http to another host saves with the warning; going back to local removes that grant', async () => {
      // 127.0.0.2 is not one of the extension's local hosts, so it needs a runtime grant.
      const remote = 'http://127.0.0.2:11434';
      const p = await openConfiguredPanel(host, { baseUrl: sim.url });
      await openSettings(p.page);
      expect(await hasOrigin(p.page, 'http://127.0.0.2/*')).toBe(false);

      await setUrl(p.page, remote);
      await p.page.click(SAVE);
      await p.page.waitForFunction(() => document.querySelector('.field-ok')?.textContent === 'Saved.');
      expect(await storedSettings(p.page)).toMatchObject({ baseUrl: remote });
      expect(await warningText(p.page)).toBe(WARNING);
      expect(await hasOrigin(p.page, 'http://127.0.0.2/*')).toBe(true);

      await setUrl(p.page, sim.url);
      await p.page.click(SAVE);
      await p.page.waitForFunction(() => document.querySelector('.field-ok')?.textContent === 'Saved.');
      expect(await storedSettings(p.page)).toMatchObject({ baseUrl: sim.url });
      expect(await hasOrigin(p.page, 'http://127.0.0.2/*')).toBe(false);
      // The manifest's local host permission is never touched.
      expect(await hasOrigin(p.page, 'http://127.0.0.1/*')).toBe(true);
      await p.waitForStatus('Connected');
      await p.page.close();
    });
  });
}
