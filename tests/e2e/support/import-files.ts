/** Export files for the import scenarios, and what to read back from the page about an import. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'puppeteer';

/**
 * `count` conversations as "Export all" writes them (a pretty JSON array, newest first), ids
 * prefixed by `tag`; dates in the past (an import refuses dates ahead of now). About 950 bytes each.
 */
export function exportFile(tag: string, count: number, edit: (c: Record<string, unknown>, i: number) => void = () => {}): string {
  const start = Date.UTC(2025, 0, 1);
  const list = Array.from({ length: count }, (_, i) => {
    const at = new Date(start + (count - i) * 60_000).toISOString();
    const c: Record<string, unknown> = {
      id: `conv-${tag}-${i}`,
      title: `${tag} ${i}`,
      model: 'llama3.2:latest',
      messages: [
        { role: 'user', content: `Question ${i} about ${tag}: how do llamas and tokens stream?`, timestamp: at },
        { role: 'assistant', content: `Answer ${i}. ${'Tokens stream while the model loads in memory — café, naïve, 你好. '.repeat(8)}`, timestamp: at },
      ],
      created_at: at,
      updated_at: at,
    };
    edit(c, i);
    return c;
  });
  const file = join(mkdtempSync(join(tmpdir(), 'ollama-chat-import-')), `${tag}.json`);
  writeFileSync(file, `${JSON.stringify(list, null, 2)}\n`);
  return file;
}

// page.evaluate runs outside the page's CSP; each helper finds the API itself.
declare const browser: { storage: { local: { get(k: string | string[] | null): Promise<Record<string, unknown>> } } } | undefined;
declare const chrome: { storage: { local: { get(k: string | string[] | null): Promise<Record<string, unknown>> } } };

/** How many conversations the index lists, how many are stored, and whether an import journal is left. */
export async function importState(page: Page): Promise<{ listed: number; stored: number; journal: boolean }> {
  return page.evaluate(async () => {
    const all = await (typeof browser !== 'undefined' ? browser : chrome).storage.local.get(null);
    const keys = Object.keys(all);
    return {
      listed: keys.filter((k) => k.startsWith('ollama_chat_index:')).reduce((n, k) => n + (all[k] as unknown[]).length, 0),
      stored: keys.filter((k) => k.startsWith('ollama_chat_conversation:')).length,
      journal: keys.some((k) => k.startsWith('ollama_chat_import')),
    };
  });
}

/** Records every progress text the History view shows, from now on, into window.__importProgress. */
export async function recordProgress(page: Page): Promise<void> {
  await page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { __importProgress: string[] }).__importProgress = seen;
    new MutationObserver(() => {
      const text = document.querySelector('.import-progress span')?.textContent;
      if (text && text !== seen.at(-1)) seen.push(text);
    }).observe(document.body, { childList: true, subtree: true, characterData: true });
  });
}

export const progressTexts = (page: Page) => page.evaluate(() => (window as unknown as { __importProgress: string[] }).__importProgress);

/** Waits until the import has written some batches but not all ("Importing… n of total", 0 < n). */
export async function waitForPartialProgress(page: Page, total: string): Promise<void> {
  await page.waitForFunction(
    (t) => (window as unknown as { __importProgress: string[] }).__importProgress.some((p) => new RegExp(`^Importing… [1-9][\\d,]* of ${t}$`).test(p)),
    { timeout: 30_000, polling: 20 },
    total,
  );
}
