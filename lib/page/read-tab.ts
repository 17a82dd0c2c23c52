/**
 * One tab read into a 'page' attachment, or the reason it cannot be, in the user's words. Shared
 * by the panel's toggle (components/state/page-context.ts) and the page's context-menu entry
 * (lib/background/page-menu.ts), so both say the same things about the same pages.
 */
import type { TextAttachment } from '../attachments/types';
import { t } from '../i18n';
import type { PageExtract } from './extract';
import { pdfMessage, refusalFromError, restrictionOf } from './restricted';
import type { ActiveTab } from './tabs';

export type TabReading = { attachment: TextAttachment; fallback: boolean } | { refusal: string };

export const errorText = (e: unknown) => (e instanceof Error ? e.message : String(e));

export function pageAttachment(p: PageExtract, tabTitle = ''): TextAttachment {
  return { kind: 'page', title: p.title || tabTitle, url: p.url, text: p.markdown };
}

/** `access`: whether every http(s) page may be read (it tells a browser page from a page not allowed yet). */
export async function readTab(extract: (tabId: number) => Promise<PageExtract>, tab: ActiveTab | null | undefined, access: boolean): Promise<TabReading> {
  if (!tab) return { refusal: t('restricted_no_tab') };
  const refused = tab.url ? restrictionOf(tab.url) : null;
  if (refused) return { refusal: refused };
  let page: PageExtract;
  try {
    page = await extract(tab.id);
  } catch (e) {
    return { refusal: refusalFromError(errorText(e), { access, urlKnown: !!tab.url }) };
  }
  if (page.source === 'pdf') return { refusal: pdfMessage() };
  // The address the tab hid (Firefox lets a script into about:blank, for one).
  const late = restrictionOf(page.url);
  if (late) return { refusal: late };
  if (!page.markdown.trim()) return { refusal: t('restricted_no_text', page.title || tab.title || page.url) };
  return { attachment: pageAttachment(page, tab.title), fallback: page.source === 'fallback' };
}
