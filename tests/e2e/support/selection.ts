/**
 * Choosing a context-menu entry on a real page, in each browser as close to a user's click as
 * it allows, and finding the panel that receives the selection.
 * - Firefox: the real menu (firefox-ui.ts). The click grants activeTab, fills the click's tab
 *   from the extension's permissions and opens the real sidebar, which is the panel.
 * - Chromium: its native menu cannot be clicked by automation, so the click is reproduced in its
 *   two steps: the toolbar action grants activeTab on the page's tab (the same grant a menu click
 *   makes, in the same code), then the e2e build's hook calls the click handler with that real
 *   tab read back through the tabs API. Nothing there is made up: without the activeTab
 *   permission the tab has no title or address, exactly as a real click's would not.
 */
import type { WebWorker } from 'puppeteer';
import type { TestHook } from '../../../lib/background/test-hook';
import type { ChromiumSession } from './chromium';
import type { FirefoxHost } from './firefox';
import { chooseFromContextMenu, hideSidebar, showSidebar } from './firefox-ui';
import { type ExtensionHost, type PanelSettings, writeStorage } from './host';
import { type PanelView, pageView, sidebarView } from './panel-view';
import { TEXTS } from './test-page';

export type Paragraph = keyof typeof TEXTS;

export interface SelectionBrowser {
  readonly host: ExtensionHost;
  /** Clears storage and writes settings, leaving no panel open. */
  configure(settings: PanelSettings): Promise<void>;
  /** Selects the paragraph's text on the test page and chooses `menuItemId` (lib/selection/menus.ts). */
  choose(menuItemId: string, paragraph: Paragraph): Promise<void>;
  /** Opens the panel as the toolbar button does (Chromium: a sidepanel.html tab stands in for it). */
  openPanel(): Promise<PanelView>;
  /**
   * The panel after a click made while none was open: Firefox's click opened the sidebar itself;
   * Chromium's side panel opens only inside a real gesture, so the user's next step is taken.
   */
  panelAfterClick(): Promise<PanelView>;
  /** Hand-overs waiting in the queue (storage.session, lib/storage/items.ts). */
  queued(): Promise<number>;
  closePanels(): Promise<void>;
}

const QUEUE_KEY = 'selectionQueue';

/** The little of the extension API these helpers call in the worker or the probe page. */
interface Api {
  tabs: { create(p: { url: string; active: boolean }): Promise<{ id?: number }> };
  sidePanel: { setPanelBehavior(b: { openPanelOnActionClick: boolean }): Promise<void> };
  storage: { session: { get(key: string): Promise<Record<string, unknown[] | undefined>> } };
}
declare const chrome: Api;
declare const browser: Api;

export async function chromiumSelection(s: ChromiumSession, pageUrl: string): Promise<SelectionBrowser> {
  const cr = s.browser();
  // Opened by the extension API so that its tab id is known without any permission.
  const tabId = await (await s.worker()).evaluate((url) => chrome.tabs.create({ url, active: true }).then((t) => t.id ?? -1), pageUrl);
  const page = await (await cr.waitForTarget((t) => t.url() === pageUrl, { timeout: 10_000 })).asPage();
  await page.waitForFunction(() => document.readyState === 'complete');

  const grantActiveTab = async (worker: WebWorker) => {
    const cdp = await cr.target().createCDPSession();
    const { targetInfos } = (await cdp.send('Target.getTargets', { filter: [{}] } as never)) as {
      targetInfos: { targetId: string; type: string; url: string }[];
    };
    const tab = targetInfos.find((t) => t.type === 'tab' && t.url === pageUrl);
    if (!tab) throw new Error('the test page has no tab target');
    // The action would also open the side panel: only the grant is wanted here.
    await worker.evaluate(() => chrome.sidePanel.setPanelBehavior({ openPanelOnActionClick: false }));
    try {
      await cdp.send('Extensions.triggerAction' as never, { id: s.extensionId, targetId: tab.targetId } as never);
    } finally {
      await worker.evaluate(() => chrome.sidePanel.setPanelBehavior({ openPanelOnActionClick: true }));
      await cdp.detach();
    }
  };
  const panels = () => cr.pages().then((ps) => ps.filter((p) => p.url().endsWith('/sidepanel.html')));
  const openPanel = async () => pageView(await s.openPanel());

  return {
    host: s,
    async configure(settings) {
      const setup = await s.openPanel();
      await writeStorage(setup, settings, null);
      await setup.close();
    },
    async choose(menuItemId, paragraph) {
      const worker = await s.worker();
      // The user is on the page when they right-click it; the action acts on the active tab.
      await page.bringToFront();
      await grantActiveTab(worker);
      const click = { menuItemId, selectionText: TEXTS[paragraph], pageUrl };
      await worker.evaluate((c, id) => (globalThis as unknown as { ollamaChatTest: TestHook }).ollamaChatTest.onMenuClick(c, id), click, tabId);
    },
    openPanel,
    panelAfterClick: openPanel,
    async queued() {
      const stored = await (await s.worker()).evaluate((key) => chrome.storage.session.get(key), QUEUE_KEY);
      return (stored[QUEUE_KEY] ?? []).length;
    },
    async closePanels() {
      for (const p of await panels()) await p.close();
    },
  };
}

export async function firefoxSelection(host: FirefoxHost, pageUrl: string): Promise<SelectionBrowser> {
  const ff = host.browser();
  const page = await ff.newPage();
  await page.goto(pageUrl);
  // Reads storage and the sidebar; not a panel, so it never takes a selection itself.
  const probe = await host.openProbe();
  const sidebar = sidebarView(probe);
  const panelTabs = () => ff.pages().then((ps) => ps.filter((p) => p.url().endsWith('/sidepanel.html')));

  return {
    host,
    configure: (settings) => writeStorage(probe, settings, null),
    choose: (menuItemId, paragraph) => chooseFromContextMenu(ff, page, `#${paragraph}`, menuItemId),
    async openPanel() {
      await showSidebar(ff);
      return sidebar;
    },
    panelAfterClick: async () => sidebar,
    async queued() {
      const stored = await probe.evaluate((key) => browser.storage.session.get(key), QUEUE_KEY);
      return (stored[QUEUE_KEY] ?? []).length;
    },
    async closePanels() {
      await hideSidebar(ff);
      for (const p of await panelTabs()) await p.close();
    },
  };
}
