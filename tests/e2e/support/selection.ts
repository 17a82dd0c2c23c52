/** Calls the background's context-menu click handler as if a menu entry was clicked. */
import type { Page, WebWorker } from 'puppeteer';

export interface Click {
  menuItemId: string;
  selectionText?: string;
}
export interface Tab {
  id?: number;
  windowId?: number;
  title?: string;
  url?: string;
}

type Hook = { ollamaChatTest: { onMenuClick(c: Click, t: Tab): Promise<void> } };

/** Chromium: straight in the service worker. */
export async function clickFromWorker(worker: WebWorker, click: Click, tab: Tab): Promise<void> {
  await worker.evaluate((c, t) => (globalThis as unknown as Hook).ollamaChatTest.onMenuClick(c, t), click, tab);
}

/** Firefox MV2: through the event page, reached from an extension page. */
export async function clickFromExtensionPage(page: Page, click: Click, tab: Tab): Promise<void> {
  await page.evaluate(async (c, t) => {
    const api = (globalThis as unknown as { browser: { runtime: { getBackgroundPage(): Promise<Hook> } } }).browser;
    await (await api.runtime.getBackgroundPage()).ollamaChatTest.onMenuClick(c, t);
  }, click, tab);
}
