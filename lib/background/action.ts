/** The toolbar button opens the panel: Chrome's side panel, Firefox's sidebar. */
import { browser } from 'wxt/browser';
import { firefox, isFirefox } from './firefox';

export function wireActionToPanel(): void {
  if (isFirefox()) {
    const ff = firefox();
    // toggle() must run inside the click's user gesture, so no await before it.
    ff.browserAction.onClicked.addListener(() => void ff.sidebarAction.toggle());
    return;
  }
  void browser.sidePanel.setPanelBehavior({ openPanelOnActionClick: true }).catch((e: unknown) => console.error('setPanelBehavior failed', e));
}
