/** A browser with the extension loaded, seen the same way from Chromium and Firefox scenarios. */
import type { Browser, Page } from 'puppeteer';
import { PanelDriver } from './panel';

export interface ExtensionHost {
  readonly name: 'chromium' | 'firefox';
  browser(): Browser;
  /** Opens sidepanel.html in a new tab (of a new window: a second window's side panel), loaded. */
  openPanel(inNewWindow?: boolean): Promise<Page>;
  close(): Promise<void>;
}

export interface PanelSettings {
  baseUrl: string;
  defaultModel?: string;
  stallTimeoutMs?: number;
  firstTokenTimeoutMs?: number;
}

/** The little of the extension API these helpers use, in either browser. */
interface Api {
  storage: { local: { clear(): Promise<void>; set(items: object): Promise<void>; get(key: string): Promise<object> } };
  declarativeNetRequest: {
    updateDynamicRules(o: { removeRuleIds: number[] }): Promise<void>;
    getDynamicRules(): Promise<unknown[]>;
  };
}
// page.evaluate runs outside the page's CSP (no eval); each helper finds the API itself.
declare const browser: Api | undefined;
declare const chrome: Api;

/** Clears storage and writes settings (+ remembered model) from an extension page. */
export async function writeStorage(page: Page, settings: PanelSettings, selectedModel: string | null): Promise<void> {
  await page.evaluate(
    async (s, m) => {
      const api = typeof browser !== 'undefined' ? browser : chrome;
      await api.storage.local.clear();
      await api.storage.local.set({ settings: s, selectedModel: m });
    },
    settings,
    selectedModel,
  );
}

/** Removes the Origin rule, as if the browser had refused it, to see the 403 path. */
export async function removeOriginRule(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const api = typeof browser !== 'undefined' ? browser : chrome;
    await api.declarativeNetRequest.updateDynamicRules({ removeRuleIds: [1] });
  });
}

export async function originRuleCount(page: Page): Promise<number> {
  return page.evaluate(async () => {
    const api = typeof browser !== 'undefined' ? browser : chrome;
    return (await api.declarativeNetRequest.getDynamicRules()).length;
  });
}

/** Writes settings (and clears the rest of storage) from a setup page, then opens a fresh panel. */
export async function openConfiguredPanel(host: ExtensionHost, settings: PanelSettings, selectedModel: string | null = null): Promise<PanelDriver> {
  const setup = await host.openPanel();
  await writeStorage(setup, settings, selectedModel);
  await setup.close();
  const panel = new PanelDriver(await host.openPanel());
  await panel.page.waitForSelector('textarea[aria-label="Message"]');
  return panel;
}

/** The stored settings object, as the extension sees it. */
export async function storedSettings(page: Page): Promise<unknown> {
  return page.evaluate(async () => {
    const api = typeof browser !== 'undefined' ? browser : chrome;
    return ((await api.storage.local.get('settings')) as { settings?: unknown }).settings;
  });
}
