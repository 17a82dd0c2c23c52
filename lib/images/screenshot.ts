/**
 * A screenshot of the tab beside the panel. tabs.captureVisibleTab needs activeTab (Chrome grants
 * it when the toolbar button opened the panel, but only for that tab and page) or host access to
 * every page; the latter is asked for from the button's click, once, as an optional permission.
 */
import { browser } from 'wxt/browser';
import { t } from '../i18n';

const ALL = { origins: ['<all_urls>'] };

export async function captureTab(): Promise<Blob> {
  // First, still inside the click: Firefox accepts a permission request only from the gesture itself.
  const allowed = await browser.permissions.request(ALL).catch(() => false);
  let url: string;
  try {
    url = await browser.tabs.captureVisibleTab({ format: 'png' });
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    throw new Error(allowed ? t('images_capture_refused', why) : t('images_capture_permission'));
  }
  return (await fetch(url)).blob();
}
