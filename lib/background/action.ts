/** The toolbar button opens the panel: Chrome's side panel, Firefox's sidebar. */
import { browser } from 'wxt/browser';

interface FirefoxSidebar {
  sidebarAction: { toggle(): Promise<void> };
  browserAction: { onClicked: { addListener(cb: () => void): void } };
}

export function wireActionToPanel(): void {
  if (import.meta.env.BROWSER === 'firefox') {
    const ff = browser as unknown as FirefoxSidebar;
    // toggle() must run inside the click's user gesture, so no await before it.
    ff.browserAction.onClicked.addListener(() => void ff.sidebarAction.toggle());
    return;
  }
  void browser.sidePanel
    .setPanelBehavior({ openPanelOnActionClick: true })
    .catch((e: unknown) => console.error('setPanelBehavior failed', e));
}
