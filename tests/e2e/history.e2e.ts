/** Conversations that are never lost, in real Chromium: the shared scenarios, plus a stopped worker (mid-reply, mid-import) and export. */
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'puppeteer';
import { describe, expect, it } from 'vitest';
import { launchChromium } from './support/chromium';
import { historyScenarios, stored } from './support/history-scenarios';
import { exportFile, importState, recordProgress, waitForPartialProgress } from './support/import-files';
import { openConfiguredPanel } from './support/host';
import { SEL } from './support/panel';

async function stopWorker(page: Page): Promise<void> {
  const cdp = await page.createCDPSession();
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await cdp.detach();
}

describe('Chromium: conversation history', () => {
  historyScenarios(launchChromium, ({ host, sim: simulator, panel, reopen, reply }) => {
    // What needs CDP: stopping the service worker, and a download directory.
    it('a worker stopped mid-stream leaves the partial reply saved and marked; Retry completes it', async () => {
      simulator().configure({ tokensPerSecond: 20, replyTokens: 80 });
      const p = await panel();
      await p.ask('Survive a crash');
      // Once a checkpoint (at most one a second) has saved part of the reply.
      await p.waitForReplyText(0, (t) => t.length > 60);
      await expect
        .poll(async () => (await stored(p.page))[0]?.messages.at(-1), { timeout: 10_000, interval: 100 })
        .toMatchObject({ role: 'assistant', status: 'interrupted' });
      await stopWorker(p.page);
      expect(['failed', 'interrupted']).toContain(await p.waitForReplyEnd(0));

      const q = await reopen();
      expect(await q.waitForReplyEnd(0)).toBe('interrupted');
      const partial = await q.replyText(0);
      expect(partial.length).toBeGreaterThan(0);
      expect(reply('Survive a crash', 80).startsWith(partial)).toBe(true);
      const [conv] = await stored(q.page);
      expect(conv?.messages.at(-1)).toMatchObject({ role: 'assistant', status: 'interrupted' });

      simulator().configure({ tokensPerSecond: 400 });
      await q.page.click(`${SEL.assistant} .link-button`);
      expect(await q.waitForReplyEnd(0)).toBe('done');
      expect(await q.replyText(0)).toBe(reply('Survive a crash', 80));
      const [after] = await stored(q.page);
      expect(after?.messages.map((m) => m.role)).toEqual(['user', 'assistant']);
      expect(after?.messages[1]?.status).toBeUndefined();
    });

    it('a worker stopped mid-import: the panel says the import was undone, and the restarted worker removes what it wrote', async () => {
      const p = await panel();
      await p.page.click('button[aria-label="History"]');
      const input = await p.page.waitForSelector('input[aria-label="Import conversations"]');
      await recordProgress(p.page);
      await input?.uploadFile(exportFile('killed', 6000));
      await waitForPartialProgress(p.page, '6,000');
      await stopWorker(p.page);
      await p.page.waitForFunction(() => document.querySelector('.notice-error')?.textContent?.includes('connection to the extension’s background was lost'));
      // Whatever wakes the worker again (here: a panel opening) first undoes the unfinished import.
      const q = await reopen();
      await q.waitForBanner('An import did not finish');
      expect(await importState(q.page)).toEqual({ listed: 0, stored: 0, journal: false });
    });

    it('export all, then import into a fresh profile, gives the same list; re-import adds nothing', async () => {
      const p = await panel();
      await p.ask('Export me');
      await p.waitForReplyEnd(0);
      const before = await stored(p.page);
      const dir = mkdtempSync(join(tmpdir(), 'ollama-chat-dl-'));
      const cdp = await host().browser().target().createCDPSession();
      await cdp.send('Browser.setDownloadBehavior', { behavior: 'allow', downloadPath: dir });
      await p.page.click('button[aria-label="History"]');
      // The History view loads on first opening.
      await (await p.page.waitForSelector('::-p-text(Export all)'))?.click();
      const file = await waitForFile(dir);
      expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(before);

      const fresh = await launchChromium();
      try {
        const q = await openConfiguredPanel(fresh, { baseUrl: simulator().url });
        await q.page.click('button[aria-label="History"]');
        const input = await q.page.waitForSelector('input[aria-label="Import conversations"]');
        await input?.uploadFile(file);
        await q.page.waitForFunction(() => document.querySelector('.notice')?.textContent?.includes('Imported'));
        expect(await stored(q.page)).toEqual(before);
        await input?.uploadFile(file);
        await q.page.waitForFunction(() => document.querySelector('.notice')?.textContent?.includes('0 new conversations'));
        expect(await stored(q.page)).toEqual(before);
      } finally {
        await fresh.close();
      }
    });
  });
});

async function waitForFile(dir: string): Promise<string> {
  for (let i = 0; i < 100; i++) {
    const done = readdirSync(dir).filter((f) => f.endsWith('.json'));
    if (done[0]) return join(dir, done[0]);
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`no download appeared in ${dir}`);
}
