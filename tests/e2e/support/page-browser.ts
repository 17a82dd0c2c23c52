/**
 * Tabs beside the real panel, in each browser, for "Chat with this page":
 * - Chromium: the page's tab gets the toolbar action (CDP Extensions.triggerAction), which opens
 *   the real side panel on it and grants activeTab there, as a user's click does. The toggle is
 *   clicked with real input. Chromium's permission prompt cannot be answered by automation, so
 *   the optional access stays unanswered: tabs outside the extension's own hosts stay unread.
 * - Firefox: the real sidebar. Access to pages was given earlier, from a real click on the toggle
 *   in a panel tab, with the profile set to grant optional permissions without a prompt (the only
 *   prompt-free grant Firefox offers automation, as in settings-firefox.e2e.ts).
 */
import type { Page } from 'puppeteer';
import type { TestHook } from '../../../lib/background/test-hook';
import type { ChromiumSession } from './chromium';
import type { FirefoxHost } from './firefox';
import { chooseFromContextMenu, showSidebar } from './firefox-ui';
import { type ExtensionHost, type PanelSettings, writeStorage } from './host';
import { type PanelView, pageView, sidebarView } from './panel-view';

export const TOGGLE = 'button[aria-pressed]';
const TOGGLE_NAME = '::-p-aria([role="button"][name="Chat with this page"])';

export interface PageBrowser {
  readonly host: ExtensionHost;
  /** The restricted page this browser shows for the "cannot read" case. */
  readonly restrictedUrl: string;
  /** Writes settings, opens `url` in a tab and the real panel beside it. */
  openPanelOn(settings: PanelSettings, url: string): Promise<PanelView>;
  /** Clicks "Chat with this page". */
  clickToggle(): Promise<void>;
  /** Makes the tab showing `url` the active one, opening it first if needed. */
  switchTo(url: string): Promise<void>;
  /** Navigates the tab showing `from` to `to`, as a click on a link would. */
  navigate(from: string, to: string): Promise<void>;
  /** Chooses "Ask Ollama about this page" on the tab showing `url` (menus.ts's 'ask-page'). */
  askAboutPage(url: string): Promise<void>;
}

async function navigate(pages: Page[], from: string, to: string): Promise<void> {
  const page = pages.find((p) => p.url() === from);
  if (!page) throw new Error(`no tab shows ${from}`);
  await page.goto(to);
}

async function tabFor(pages: Page[], open: () => Promise<Page>, url: string): Promise<Page> {
  const found = pages.find((p) => p.url() === url);
  if (found) return found;
  const page = await open();
  if (/^https?:/.test(url)) await page.goto(url);
  // Firefox never reports a browser page's load over BiDi; the scenario waits for what the panel shows.
  else void page.goto(url).catch(() => {});
  return page;
}

export async function chromiumPage(s: ChromiumSession): Promise<PageBrowser> {
  const cr = s.browser();
  let panel: Page | null = null;
  /** The toolbar action on the tab showing `url`, with the side panel kept shut: only its activeTab grant. */
  const grantActiveTab = async (url: string) => {
    const cdp = await cr.target().createCDPSession();
    const worker = await s.worker();
    try {
      const { targetInfos } = (await cdp.send('Target.getTargets', { filter: [{}] } as never)) as {
        targetInfos: { targetId: string; type: string; url: string }[];
      };
      const tab = targetInfos.find((t) => t.type === 'tab' && t.url === url);
      if (!tab) throw new Error(`no tab target for ${url}`);
      await worker.evaluate(() => chrome.sidePanel.setPanelBehavior({ openPanelOnActionClick: false }));
      await cdp.send('Extensions.triggerAction' as never, { id: s.extensionId, targetId: tab.targetId } as never);
    } finally {
      await worker.evaluate(() => chrome.sidePanel.setPanelBehavior({ openPanelOnActionClick: true }));
      await cdp.detach();
    }
  };
  const switchTo = async (url: string) => {
    const pages = (await cr.pages()).filter((p) => !p.url().startsWith('chrome-extension://'));
    await (await tabFor(pages, () => cr.newPage(), url)).bringToFront();
  };
  return {
    host: s,
    restrictedUrl: 'chrome://version/',
    async openPanelOn(settings, url) {
      const setup = await s.openPanel();
      await writeStorage(setup, settings, null);
      await setup.close();
      const page = await cr.newPage();
      await page.goto(url);
      const cdp = await cr.target().createCDPSession();
      try {
        const { targetInfos } = (await cdp.send('Target.getTargets', { filter: [{}] } as never)) as {
          targetInfos: { targetId: string; type: string; url: string }[];
        };
        const tab = targetInfos.find((t) => t.type === 'tab' && t.url === url);
        if (!tab) throw new Error(`no tab target for ${url}`);
        // Opening the side panel from the action grants no activeTab in Chromium; the user's
        // click on the action (or the page's menu) does, as in selection.ts: grant, then open.
        await grantActiveTab(url);
        await cdp.send('Extensions.triggerAction' as never, { id: s.extensionId, targetId: tab.targetId } as never);
      } finally {
        await cdp.detach();
      }
      panel = await (await cr.waitForTarget((t) => t.url().endsWith('/sidepanel.html'), { timeout: 10_000 })).asPage();
      await panel.waitForSelector('textarea[aria-label="Message"]');
      return pageView(panel);
    },
    async clickToggle() {
      if (!panel) throw new Error('no panel open');
      await panel.click(TOGGLE_NAME);
    },
    switchTo,
    navigate: async (from, to) => navigate(await cr.pages(), from, to),
    async askAboutPage(url) {
      // Chromium's native menu cannot be clicked: its grant, then its handler (see selection.ts).
      await switchTo(url);
      await grantActiveTab(url);
      const worker = await s.worker();
      const tabId = await worker.evaluate(() => chrome.tabs.query({ active: true }).then(([t]) => t?.id ?? -1));
      await worker.evaluate(
        (click, id) => (globalThis as unknown as { ollamaChatTest: TestHook }).ollamaChatTest.onMenuClick(click, id),
        { menuItemId: 'ask-page', pageUrl: url },
        tabId,
      );
    },
  };
}

export async function firefoxPage(host: FirefoxHost): Promise<PageBrowser> {
  const ff = host.browser();
  const probe = await host.openProbe();
  const sidebar = sidebarView(probe);
  return {
    host,
    restrictedUrl: 'about:license',
    async openPanelOn(settings, url) {
      await writeStorage(probe, settings, null);
      // The user gave access to pages earlier (see above); this panel tab then goes away.
      const grant = await host.openPanel();
      await grant.click(TOGGLE_NAME);
      await grant.waitForFunction(() => browser?.permissions.contains({ origins: ['http://*/*', 'https://*/*'] }));
      await grant.close();
      const page = await ff.newPage();
      await page.goto(url);
      await showSidebar(ff);
      return sidebar;
    },
    clickToggle: () =>
      sidebar.run((d) => {
        const b = [...d.querySelectorAll('button')].find((x) => x.textContent === 'Chat with this page');
        if (!b) throw new Error('no "Chat with this page" button');
        b.click();
      }, null),
    async switchTo(url) {
      const pages = (await ff.pages()).filter((p) => !p.url().startsWith('moz-extension://'));
      await (await tabFor(pages, () => ff.newPage(), url)).bringToFront();
    },
    navigate: async (from, to) => navigate(await ff.pages(), from, to),
    async askAboutPage(url) {
      const page = (await ff.pages()).find((p) => p.url() === url);
      if (!page) throw new Error(`no tab shows ${url}`);
      await chooseFromContextMenu(ff, page, 'h2', 'ask-page', false);
    },
  };
}

declare const chrome: {
  sidePanel: { setPanelBehavior(b: { openPanelOnActionClick: boolean }): Promise<void> };
  tabs: { query(q: { active: boolean }): Promise<{ id?: number }[]> };
};
declare const browser: { permissions: { contains(p: { origins: string[] }): Promise<boolean> } } | undefined;
