/**
 * "Ask Ollama about this page" (the page's context menu): the click grants activeTab on that tab,
 * so the background reads it right away, before the grant could lapse with a navigation, and
 * queues the page for the panel the click opens (lib/selection/handoff.ts). What cannot be read
 * is queued too, as the reason, so the panel says it instead of showing nothing.
 */
import type { PageExtract } from '../page/extract';
import { readTab } from '../page/read-tab';
import type { ActiveTab } from '../page/tabs';
import { handoffId, type PageHandoff } from '../selection/handoff';

export async function pageHandoff(extract: (tabId: number) => Promise<PageExtract>, tab: Partial<ActiveTab> | undefined): Promise<PageHandoff> {
  const base = { id: handoffId(), createdAt: Date.now(), kind: 'page' as const };
  // activeTab from the click counts as access to this tab, and it alone is asked about.
  const read = await readTab(extract, tab?.id === undefined ? null : { id: tab.id, url: tab.url, title: tab.title }, true);
  return 'refusal' in read ? { ...base, refusal: read.refusal } : { ...base, attachment: read.attachment };
}
