/**
 * What the PDF tools need of the browser: the active tab's address, host permissions, and the PDF's
 * bytes. Apart from components/state/pdf.ts so that its decisions are tested with fakes.
 */
import type { AttachmentsModel } from './attachments';
import type { PdfDeps } from './pdf';
import { t } from '../../lib/i18n';

async function fetchBytes(url: string): Promise<ArrayBuffer> {
  // Not Ollama: a PDF on the web, read with the page's cookies like the tab that shows it.
  const res = await fetch(url, { credentials: 'include' });
  if (!res.ok) throw new Error(t('pdf_browser_http_error', new URL(url).host, String(res.status)));
  return res.arrayBuffer();
}

export function browserPdfDeps(attachments: Pick<AttachmentsModel, 'add'>): PdfDeps {
  return {
    attachments,
    // pdf.js, behind lib/pdf/read.ts, loads on the first PDF: not part of the panel's first load.
    read: (bytes, title, url) => import('../../lib/pdf/read').then((m) => m.readPdf(bytes, title, url)),
    activeTabUrl: async () => (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.url,
    request: (origins) => browser.permissions.request({ origins }),
    fetchBytes,
  };
}

/**
 * Calls `cb` when the tab beside the panel may have changed: another tab picked, a page loaded,
 * the window focused. Returns the unwatch. The events need no permission; the address does.
 */
export function watchActiveTab(cb: () => void): () => void {
  const loaded = (_id: number, change: { status?: string }) => {
    if (change.status === 'complete') cb();
  };
  browser.tabs.onActivated.addListener(cb);
  browser.tabs.onUpdated.addListener(loaded);
  window.addEventListener('focus', cb);
  return () => {
    browser.tabs.onActivated.removeListener(cb);
    browser.tabs.onUpdated.removeListener(loaded);
    window.removeEventListener('focus', cb);
  };
}
