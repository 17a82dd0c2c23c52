/**
 * Injected into the tab on each "Chat with this page" extraction (lib/page/tabs.ts): its value is
 * what executeScript returns. Only Readability and the Markdown conversion are in it.
 */
import { extractPage } from '../lib/page/extract';

export default defineUnlistedScript(() => extractPage(document));
