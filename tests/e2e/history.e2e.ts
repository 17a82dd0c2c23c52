/** Conversations that are never lost, in real Chromium: reloads, closed panels, killed workers, export/import. */
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'puppeteer';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { defaultReply, type Simulator, startSimulator } from '../sim/server.mjs';
import { type ChromiumSession, launchChromium } from './support/chromium';
import { openConfiguredPanel } from './support/host';
import { PanelDriver, SEL } from './support/panel';

const ORIGINAL_DUMP = resolve('tests/lib/conversations/fixtures/original-app-dump.json');
type Stored = { id: string; title: string; model: string; messages: { role: string; content: string; status?: string }[]; created_at: string; updated_at: string };

/** The stored conversations (layout v2: a key each), in the index's order, newest first. */
async function stored(page: Page): Promise<Stored[]> {
  return page.evaluate(async () => {
    const all = await chrome.storage.local.get(null as unknown as string);
    const index = Object.entries(all)
      .filter(([k]) => k.startsWith('ollama_chat_index:'))
      .flatMap(([, v]) => v as { id: string; updated_at: string }[])
      .sort((a, b) => Date.parse(b.updated_at) - Date.parse(a.updated_at));
    return index.map((s) => all[`ollama_chat_conversation:${s.id}`]) as never;
  });
}
declare const chrome: { storage: { local: { get(k: string): Promise<Record<string, unknown>> } } };

async function stopWorker(page: Page): Promise<void> {
  const cdp = await page.createCDPSession();
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await cdp.detach();
}

async function historyTitles(p: PanelDriver): Promise<string[]> {
  return p.page.$$eval('.history-title', (els) => els.map((e) => e.textContent ?? ''));
}

describe('Chromium: conversation history', () => {
  let s: ChromiumSession;
  let sim: Simulator;
  let open: Page[] = [];
  const panel = async (extra: object = {}) => {
    const p = await openConfiguredPanel(s, { baseUrl: sim.url, defaultModel: 'llama3.2', ...extra });
    open.push(p.page);
    await p.waitForStatus('Connected');
    return p;
  };
  const reopen = async () => {
    const p = new PanelDriver(await s.openPanel());
    open.push(p.page);
    await p.page.waitForSelector(SEL.message);
    return p;
  };
  const reply = (q: string, tokens = 30) => defaultReply([{ role: 'user', content: q }], tokens);

  beforeAll(async () => {
    s = await launchChromium();
    sim = await startSimulator({ tokensPerSecond: 400, replyTokens: 30 });
  });
  afterAll(async () => {
    await s?.close();
    await sim?.close();
  });
  beforeEach(() => sim.configure({ tokensPerSecond: 400, replyTokens: 30 }));
  afterEach(async () => {
    for (const p of open) await p.close().catch(() => {});
    open = [];
  });

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
    const index = await p.page.evaluate(async () =>
      Object.entries(await chrome.storage.local.get(null as unknown as string)).flatMap(([k, v]) => (k.startsWith('ollama_chat_index:') ? (v as unknown[]) : [])),
    );
    expect(index).toEqual([{ id: conv?.id, title: 'Remember me', model: 'llama3.2:latest', created_at: conv?.created_at, updated_at: conv?.updated_at, messageCount: 2 }]);

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

  it('a worker stopped mid-stream leaves the partial reply saved and marked; Retry completes it', async () => {
    sim.configure({ tokensPerSecond: 20, replyTokens: 80 });
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

    sim.configure({ tokensPerSecond: 400 });
    await q.page.click(`${SEL.assistant} .link-button`);
    expect(await q.waitForReplyEnd(0)).toBe('done');
    expect(await q.replyText(0)).toBe(reply('Survive a crash', 80));
    const [after] = await stored(q.page);
    expect(after?.messages.map((m) => m.role)).toEqual(['user', 'assistant']);
    expect(after?.messages[1]?.status).toBeUndefined();
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

  it('export all, then import into a fresh profile, gives the same list; re-import adds nothing', async () => {
    const p = await panel();
    await p.ask('Export me');
    await p.waitForReplyEnd(0);
    const before = await stored(p.page);
    const dir = mkdtempSync(join(tmpdir(), 'ollama-chat-dl-'));
    const cdp = await s.browser().target().createCDPSession();
    await cdp.send('Browser.setDownloadBehavior', { behavior: 'allow', downloadPath: dir });
    await p.page.click('button[aria-label="History"]');
    await p.page.click('::-p-text(Export all)');
    const file = await waitForFile(dir);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(before);

    const fresh = await launchChromium();
    try {
      const q = await openConfiguredPanel(fresh, { baseUrl: sim.url });
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

  it("imports the original web app's localStorage dump as is; rejects an invalid file and changes nothing", async () => {
    const p = await panel();
    const dump = JSON.parse(readFileSync(ORIGINAL_DUMP, 'utf8')) as Stored[];
    await p.page.click('button[aria-label="History"]');
    const input = await p.page.waitForSelector('input[aria-label="Import conversations"]');
    await input?.uploadFile(ORIGINAL_DUMP);
    await p.page.waitForFunction((n) => document.querySelectorAll('.history-title').length === n, {}, dump.length);
    expect(await stored(p.page)).toEqual([...dump].sort((a, b) => Date.parse(b.updated_at) - Date.parse(a.updated_at)));

    const bad = join(mkdtempSync(join(tmpdir(), 'ollama-chat-bad-')), 'bad.json');
    (await import('node:fs')).writeFileSync(bad, JSON.stringify([{ id: 'x', title: 't', model: 'm', messages: [{ role: 'system', content: 'c', timestamp: 't' }], created_at: 'a', updated_at: 'b' }]));
    await input?.uploadFile(bad);
    await p.page.waitForFunction(() => document.querySelector('.notice-error')?.textContent?.includes('role'));
    expect((await stored(p.page)).length).toBe(dump.length);
  });

  it('a corrupt value under the contract key is moved aside and reported, never overwritten', async () => {
    const p = await panel();
    await p.ask('Keep me');
    await p.waitForReplyEnd(0);
    await p.page.evaluate(async () => {
      await (globalThis as unknown as { chrome: { storage: { local: { set(o: object): Promise<void> } } } }).chrome.storage.local.set({ ollama_chat_conversations: '{broken' });
    });
    // The background imports whatever is put under the contract key; this cannot be read.
    await p.waitForBanner('could not be read');
    const keys = await p.page.evaluate(async () => Object.keys(await chrome.storage.local.get(null as unknown as string)));
    const backup = keys.find((k) => k.startsWith('ollama_chat_conversations_backup_'));
    expect(backup).toBeDefined();
    const kept = await p.page.evaluate(async (k) => (await chrome.storage.local.get(k))[k], backup ?? '');
    expect(kept).toBe('{broken');
    expect((await stored(p.page)).map((c) => c.title)).toEqual(['Keep me']);
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
