/**
 * The parts of Firefox's API that Chrome lacks (the sidebar, MV2's browserAction): wxt/browser is
 * typed after Chrome's, so they are described here, once.
 */
import { browser } from 'wxt/browser';

interface FirefoxApi {
  sidebarAction: { open(): Promise<void>; toggle(): Promise<void> };
  browserAction: { onClicked: { addListener(cb: () => void): void } };
}

export const isFirefox = () => import.meta.env.BROWSER === 'firefox';

/** Only on Firefox (isFirefox()): elsewhere these members are missing. */
export const firefox = () => browser as unknown as FirefoxApi;
