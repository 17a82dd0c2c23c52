/**
 * Conversations that are never lost, in every browser: reloads, closed panels, the history list,
 * importing, a corrupt stored value. (Chromium adds what needs CDP: a stopped worker, downloads.)
 */
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'puppeteer';
import { afterAll, afterEach, beforeAll, beforeEach, expect, it } from 'vitest';
import { defaultReply, type Simulator, startSimulator } from '../../sim/server.mjs';
import type { ExtensionHost } from './host';
import { exportFile, importState, progressTexts, recordProgress, waitForPartialProgress } from './import-files';
import { type PanelDriver, SEL } from './panel';
import { panelTracker } from './panels';

const ORIGINAL_DUMP = resolve('tests/lib/conversations/fixtures/original-app-dump.json');
export type Stored = {
  id: string;
  title: string;
  model: string;
  messages: { role: string; content: string; status?: string }[];
  created_at: string;
  updated_at: string;
};

interface LocalArea {
  get(k: string | null): Promise<Record<string, unknown>>;
  set(o: object): Promise<void>;
}
// page.evaluate runs outside the page's CSP; each helper finds the API itself.
declare const browser: { storage: { local: LocalArea } } | undefined;
declare const chrome: { storage: { local: LocalArea } };

/** Everything in storage.local, read from an extension page of either browser. */
export async function storageDump(page: Page): Promise<Record<string, unknown>> {
  return page.evaluate(async () => (typeof browser !== 'undefined' ? browser : chrome).storage.local.get(null));
}

/** The stored conversations (layout v2: a key each), in the index's order, newest first. */
export async function stored(page: Page): Promise<Stored[]> {
  const all = await storageDump(page);
  const index = Object.entries(all)
    .filter(([k]) => k.startsWith('ollama_chat_index:'))
    .flatMap(([, v]) => v as { id: string; updated_at: string }[])
    .sort((a, b) => Date.parse(b.updated_at) - Date.parse(a.updated_at));
  return index.map((s) => all[`ollama_chat_conversation:${s.id}`]) as Stored[];
}

export async function historyTitles(p: PanelDriver): Promise<string[]> {
  return p.page.$$eval('.history-title', (els) => els.map((e) => e.textContent ?? ''));
}

/** What a browser's own extra history tests get from the shared setup. */
export interface HistoryContext<H extends ExtensionHost> {
  host(): H;
  sim(): Simulator;
  /** A panel configured for the simulator, connected. */
  panel(extra?: object): Promise<PanelDriver>;
  /** The panel opened again, as a user reopening it. */
  reopen(): Promise<PanelDriver>;
  reply(question: string, tokens?: number): string;
}

export function historyScenarios<H extends ExtensionHost>(launch: () => Promise<H>, more?: (ctx: HistoryContext<H>) => void): void {
  let host: H;
  let sim: Simulator;
  const panels = panelTracker(() => host);
  const panel = (extra: object = {}) => panels.open({ baseUrl: sim.url, defaultModel: 'llama3.2', ...extra });
  const reopen = () => panels.reopen();
  const reply = (q: string, tokens = 30) => defaultReply([{ role: 'user', content: q }], tokens);

  beforeAll(async () => {
    host = await launch();
    sim = await startSimulator({ tokensPerSecond: 400, replyTokens: 30 });
  });
  afterAll(async () => {
    await host?.close();
    await sim?.close();
  });
  beforeEach(() => sim.configure({ tokensPerSecond: 400, replyTokens: 30 }));
  afterEach(() => panels.closeAll());

  it('a reply survives a panel reload, stored in the contract shape', async () => {
    const p = await panel();
    await p.ask('Remember me');
    expect(await p.waitForReplyEnd(0)).toBe('done');
    const [conv] = await stored(p.page);
    expect(conv?.id).toMatch(/^conv-\d+-[0-9a-z]{9}$/);
    expect(conv).toMatchObject({ title: 'Remember me', model: 'llama3.2:latest' });
    expect(conv?.messages.map((m) => [m.role, m.content])).toEqual([
      ['user', 'Remember me'],
      ['assistant', reply('Remember me')],
    ]);
    expect(conv?.messages[1]?.status).toBeUndefined();
    // The small index the panel lists from, written in the same storage call.
    const index = Object.entries(await storageDump(p.page)).flatMap(([k, v]) => (k.startsWith('ollama_chat_index:') ? (v as unknown[]) : []));
    expect(index).toEqual([
      { id: conv?.id, title: 'Remember me', model: 'llama3.2:latest', created_at: conv?.created_at, updated_at: conv?.updated_at, messageCount: 2 },
    ]);

    const q = await reopen();
    await q.waitForReplyText(0, (t) => t === reply('Remember me'));
  });

  it('a panel closed mid-stream: reopening shows the reply continuing and complete', async () => {
    sim.configure({ tokensPerSecond: 25, replyTokens: 60 });
    const p = await panel();
    await p.ask('Keep going without me');
    await p.waitForReplyText(0, (t) => t.length > 20);
    await p.page.close();
    const q = await reopen();
    expect(await q.waitForReplyEnd(0, 20_000)).toBe('done');
    expect(await q.replyText(0)).toBe(reply('Keep going without me', 60));
    const [conv] = await stored(q.page);
    expect(conv?.messages.at(-1)).toMatchObject({ content: reply('Keep going without me', 60) });
  });

  it('history: list, search, open, rename, delete with undo', async () => {
    const p = await panel();
    await p.ask('Apples are red');
    await p.waitForReplyEnd(0);
    await p.page.click(SEL.newChat);
    await p.ask('Bananas are yellow');
    await p.waitForReplyEnd(0);

    await p.page.click('button[aria-label="History"]');
    await p.page.waitForSelector('.history-title');
    expect(await historyTitles(p)).toEqual(['Bananas are yellow', 'Apples are red']);
    await p.page.type('input[aria-label="Search conversations"]', 'APPLE');
    await p.page.waitForFunction(() => document.querySelectorAll('.history-title').length === 1);
    expect(await historyTitles(p)).toEqual(['Apples are red']);

    const item = '.history-item';
    await p.page.click(`${item} summary`);
    await p.page.click(`${item} .history-actions button:first-child`);
    const nameBox = await p.page.waitForSelector('input[aria-label="Conversation name"]');
    await nameBox?.click({ count: 3 });
    await p.page.keyboard.press('Backspace');
    await nameBox?.type('Fruit notes');
    await p.page.click('.rename button[type="submit"]');
    await p.page.waitForFunction(() => document.querySelector('.history-title')?.textContent === 'Fruit notes');

    await p.page.click(`${item} summary`);
    await p.page.click(`${item} .danger`);
    await p.page.click('input[aria-label="Search conversations"]', { count: 3 });
    await p.page.keyboard.press('Backspace');
    await p.page.waitForFunction(() => document.querySelectorAll('.history-title').length === 1);
    expect((await stored(p.page)).map((c) => c.title)).not.toContain('Fruit notes');
    await p.page.click('.notice .link-button'); // Undo
    await p.page.waitForFunction(() => document.querySelectorAll('.history-title').length === 2);
    expect((await stored(p.page)).map((c) => c.title).sort()).toEqual(['Bananas are yellow', 'Fruit notes']);

    await p.page.$$eval('.history-open', (bs) => (bs.find((b) => b.textContent?.includes('Fruit notes')) as HTMLElement).click());
    await p.waitForReplyText(0, (t) => t === reply('Apples are red'));
  });

  it("imports the original web app's localStorage dump as is; rejects an invalid file and changes nothing", async () => {
    const p = await panel();
    const dump = JSON.parse(readFileSync(ORIGINAL_DUMP, 'utf8')) as Stored[];
    await p.page.click('button[aria-label="History"]');
    const input = await p.page.waitForSelector('input[aria-label="Import conversations"]');
    await input?.uploadFile(ORIGINAL_DUMP);
    await p.page.waitForFunction((n) => document.querySelectorAll('.history-title').length === n, {}, dump.length);
    expect(await stored(p.page)).toEqual([...dump].sort((a, b) => Date.parse(b.updated_at) - Date.parse(a.updated_at)));

    const bad = join(mkdtempSync(join(tmpdir(), 'ollama-chat-bad-')), 'bad.json');
    writeFileSync(
      bad,
      JSON.stringify([{ id: 'x', title: 't', model: 'm', messages: [{ role: 'system', content: 'c', timestamp: 't' }], created_at: 'a', updated_at: 'b' }]),
    );
    await input?.uploadFile(bad);
    await p.page.waitForFunction(() => document.querySelector('.notice-error')?.textContent?.includes('role'));
    expect((await stored(p.page)).length).toBe(dump.length);
  });

  it('a big import goes in batches with progress; Cancel undoes what it wrote; a bad item is named and changes nothing', async () => {
    const p = await panel();
    await p.page.click('button[aria-label="History"]');
    const input = await p.page.waitForSelector('input[aria-label="Import conversations"]');
    await recordProgress(p.page);

    // 3,000 conversations, about 2.8 MB: a dozen batches.
    await input?.uploadFile(exportFile('first', 3000));
    await p.page.waitForFunction(() => document.querySelector('.notice')?.textContent?.startsWith('Imported'), { timeout: 60_000 });
    expect(await p.page.$eval('.notice', (n) => n.textContent)).toContain('Imported: 3,000 new conversations, 0 kept as copies, 0 already there.');
    const shown = await progressTexts(p.page);
    expect(shown.some((t) => /^Reading the file… \d+%$/.test(t))).toBe(true);
    expect(shown.filter((t) => /^Importing… [1-9][\d,]* of 3,000$/.test(t)).length).toBeGreaterThan(1);
    expect(await importState(p.page)).toEqual({ listed: 3000, stored: 3000, journal: false });
    await p.page.waitForFunction(() => document.querySelector('input[type="search"]')?.getAttribute('placeholder') === 'Search 3000 conversations');

    // Cancel once some batches are written: they are removed again.
    await recordProgress(p.page);
    await input?.uploadFile(exportFile('cancelled', 6000));
    await waitForPartialProgress(p.page, '6,000');
    await p.page.click('.import-progress button');
    await p.page.waitForFunction(() => document.querySelector('.notice')?.textContent?.startsWith('Import cancelled'), { timeout: 60_000 });
    expect(await importState(p.page)).toEqual({ listed: 3000, stored: 3000, journal: false });

    // A far-future date in the last item, after a dozen batches were written: named, all undone.
    await input?.uploadFile(exportFile('bad', 2500, (c, i) => i === 2499 && Object.assign(c, { updated_at: '2099-01-01T00:00:00.000Z' })));
    await p.page.waitForFunction(() => document.querySelector('.notice-error')?.textContent?.includes('Item 2,500'), { timeout: 60_000 });
    expect(await p.page.$eval('.notice-error', (n) => n.textContent)).toContain(
      'Import failed, nothing changed: Item 2,500 ("bad 2499"): updated_at is "2099-01-01T00:00:00.000Z", more than a day after now',
    );
    expect(await importState(p.page)).toEqual({ listed: 3000, stored: 3000, journal: false });
  });

  it('a corrupt value under the contract key is moved aside and reported, never overwritten', async () => {
    const p = await panel();
    await p.ask('Keep me');
    await p.waitForReplyEnd(0);
    await p.page.evaluate(async () => {
      await (typeof browser !== 'undefined' ? browser : chrome).storage.local.set({ ollama_chat_conversations: '{broken' });
    });
    // The background imports whatever is put under the contract key; this cannot be read.
    await p.waitForBanner('could not be read');
    const all = await storageDump(p.page);
    const backup = Object.keys(all).find((k) => k.startsWith('ollama_chat_conversations_backup_'));
    expect(backup).toBeDefined();
    expect(all[backup ?? '']).toBe('{broken');
    expect((await stored(p.page)).map((c) => c.title)).toEqual(['Keep me']);
  });

  more?.({ host: () => host, sim: () => sim, panel, reopen, reply });
}
