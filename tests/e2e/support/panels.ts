/**
 * The panels one suite opens, all closed after each test (a suite keeps one browser). `open` is
 * a configured panel that has checked its connection; `reopen` a fresh one on what is stored.
 */
import type { Page } from 'puppeteer';
import { type ExtensionHost, openConfiguredPanel, type PanelSettings } from './host';
import { PanelDriver, SEL } from './panel';

export function panelTracker(host: () => ExtensionHost) {
  let pages: Page[] = [];
  const track = (p: PanelDriver) => {
    pages.push(p.page);
    return p;
  };
  return {
    async open(settings: PanelSettings, selectedModel: string | null = null): Promise<PanelDriver> {
      const p = track(await openConfiguredPanel(host(), settings, selectedModel));
      await p.waitForStatus('Connected');
      return p;
    },
    async reopen(): Promise<PanelDriver> {
      const p = track(new PanelDriver(await host().openPanel()));
      await p.page.waitForSelector(SEL.message);
      return p;
    },
    async closeAll(): Promise<void> {
      for (const page of pages) await page.close().catch(() => {});
      pages = [];
    },
  };
}
