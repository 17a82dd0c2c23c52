/**
 * Test builds only (OLLAMA_CHAT_TEST=1, wxt.config.ts): Chromium's native context menu cannot be
 * clicked by automation, so e2e calls the click handler through `globalThis.ollamaChatTest`.
 * The test names a real tab by id and the tab is read back through the tabs API, so it carries
 * exactly what this extension's permissions let it see of that tab (title and URL only with
 * activeTab granted or host access), as in the tab a real click hands over; never a made-up one.
 */
import { browser } from 'wxt/browser';
import type { ClickTab, MenuClick } from './selection';

export interface TestHook {
  onMenuClick(click: MenuClick, tabId?: number): Promise<void>;
}

export function installTestHook(onMenuClick: (click: MenuClick, tab?: ClickTab) => Promise<void>): void {
  const hook: TestHook = {
    async onMenuClick(click, tabId) {
      await onMenuClick(click, tabId === undefined ? undefined : await browser.tabs.get(tabId));
    },
  };
  (globalThis as { ollamaChatTest?: TestHook }).ollamaChatTest = hook;
}
