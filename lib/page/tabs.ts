/**
 * The browser side of "Chat with this page", for the panel: which tab is active in the panel's
 * window, running the extraction in it, following switches and loads, and the host access that
 * following needs. activeTab covers the tab the panel was opened on; the pages switched to later
 * need the optional http/https access (already optional in the manifest for a remote Ollama).
 */
import { browser } from 'wxt/browser';
import { t } from '../i18n';
import type { PageExtract } from './extract';

export const PAGE_ORIGINS = ['http://*/*', 'https://*/*'];

export interface ActiveTab {
  id: number;
  /** Only when the extension may see it (activeTab or host access); browser pages hide it. */
  url?: string;
  title?: string;
}

export interface PageTabs {
  current(): Promise<ActiveTab | null>;
  extract(tabId: number): Promise<PageExtract>;
  /** Calls `onSwitch` when another tab becomes active in this window, `onLoad(tabId)` when a tab finishes loading. */
  follow(onSwitch: () => void, onLoad: (tabId: number) => void): () => void;
  hasAccess(): Promise<boolean>;
  /** Must be called inside the user's click (a gesture both browsers require). */
  requestAccess(): Promise<boolean>;
}

const isExtract = (x: unknown): x is PageExtract => {
  const p = x as PageExtract | null;
  return !!p && typeof p.title === 'string' && typeof p.url === 'string' && typeof p.markdown === 'string' && typeof p.source === 'string';
};

/** Runs page-extract.js in the tab: the panel's toggle and the background's menu entry both call this. */
export async function extractInTab(tabId: number): Promise<PageExtract> {
  const [first] = await browser.scripting.executeScript({ target: { tabId }, files: ['/page-extract.js'] });
  if (!isExtract(first?.result)) throw new Error(t('page_tabs_no_result'));
  return first.result;
}

export function browserPageTabs(): PageTabs {
  // The panel's window: the side panel's or sidebar's browser window, fixed for its life. Asked
  // on first use only: a panel that never reads a page never touches the tabs.
  let win: Promise<{ id?: number }> | null = null;
  const windowOf = () => {
    win ??= Promise.resolve().then(() => browser.windows.getCurrent());
    return win;
  };
  return {
    async current() {
      const { id: windowId } = await windowOf();
      const [tab] = await browser.tabs.query({ active: true, windowId });
      return tab?.id === undefined ? null : { id: tab.id, url: tab.url, title: tab.title };
    },
    extract: extractInTab,
    follow(onSwitch, onLoad) {
      const activated = (info: { windowId: number }) => {
        void windowOf().then((w) => info.windowId === w.id && onSwitch());
      };
      const updated = (tabId: number, change: { status?: string }) => {
        if (change.status === 'complete') onLoad(tabId);
      };
      browser.tabs.onActivated.addListener(activated);
      browser.tabs.onUpdated.addListener(updated);
      return () => {
        browser.tabs.onActivated.removeListener(activated);
        browser.tabs.onUpdated.removeListener(updated);
      };
    },
    hasAccess: async () => {
      try {
        return await browser.permissions.contains({ origins: PAGE_ORIGINS });
      } catch {
        return false;
      }
    },
    requestAccess() {
      // Called synchronously (the click's gesture), so no async wrapper: a throw is a refusal too.
      try {
        return browser.permissions.request({ origins: PAGE_ORIGINS }).catch(() => false);
      } catch {
        return Promise.resolve(false);
      }
    },
  };
}
