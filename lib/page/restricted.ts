/**
 * Pages the extension cannot (or must not try to) read, said in the user's words. The browsers
 * refuse scripts in their own pages and in their web stores whatever the permissions, so asking
 * would only fail later with an unclear error; PDFs are the Attach PDF tool's.
 */
import { t } from '../i18n';

/** Browsers' own pages and other extensions' pages: no script of ours may run there. */
const BROWSER_SCHEMES = [
  'about:',
  'chrome:',
  'chrome-extension:',
  'chrome-search:',
  'chrome-untrusted:',
  'devtools:',
  'edge:',
  'brave:',
  'opera:',
  'vivaldi:',
  'moz-extension:',
  'resource:',
  'view-source:',
  'javascript:',
  'data:',
  'blob:',
];

/** The stores: both browsers keep extensions out of them, and say so only in an error. */
const STORES: readonly { host: string; path?: string }[] = [
  { host: 'chromewebstore.google.com' },
  { host: 'chrome.google.com', path: '/webstore' },
  { host: 'microsoftedge.microsoft.com', path: '/addons' },
  { host: 'addons.mozilla.org' },
];

export const pdfMessage = () => t('restricted_pdf');

/** Why this address cannot be read, or null when it may be tried. */
export function restrictionOf(url: string): string | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return t('restricted_no_address');
  }
  if (BROWSER_SCHEMES.includes(u.protocol)) return t('restricted_browser_scheme', `${u.protocol}//…`);
  if (STORES.some((s) => u.hostname === s.host && (!s.path || u.pathname.startsWith(s.path)))) return t('restricted_store');
  if (isPdfUrl(u)) return pdfMessage();
  return null;
}

/** A PDF by its address; a PDF served from an address without .pdf is caught by its content type in the tab. */
export function isPdfUrl(u: URL): boolean {
  return /\.pdf$/i.test(u.pathname);
}

const FILE_REFUSAL = /file:|file URL/i;
const BROWSER_REFUSAL = /chrome:|about:|extensions gallery|cannot be scripted|moz-extension|restricted|privileged/i;

/** A refusal no permission would lift: a browser page or a local file. */
export const isFinalRefusal = (message: string) => FILE_REFUSAL.test(message) || BROWSER_REFUSAL.test(message);

/** What a failed injection means, from the browsers' error texts (checked by the e2e in both). */
export function refusalFromError(message: string, tab: { access: boolean; urlKnown: boolean }): string {
  if (FILE_REFUSAL.test(message)) return t('restricted_file');
  // With access to every http(s) page, an address still hidden is one of the browser's own.
  if (BROWSER_REFUSAL.test(message) || (tab.access && !tab.urlKnown)) return t('restricted_browser_page');
  if (!tab.access) return t('restricted_no_access');
  return t('restricted_failed', message);
}
