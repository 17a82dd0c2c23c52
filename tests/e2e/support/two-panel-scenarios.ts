/**
 * Two panels (two windows' side panels) on one conversation: a reply streaming in one shows live
 * in the other, never as "Interrupted"; a second request for a conversation already answering
 * is refused; a request built on an older copy is refused; a finished reply is never replaced.
 */
import type { Page } from 'puppeteer';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { defaultReply, type Simulator, startSimulator } from '../../sim/server.mjs';
import { stored } from './history-scenarios';
import { type ExtensionHost, openConfiguredPanel } from './host';
import { PanelDriver, SEL } from './panel';

type Sent = { type: string; requestId?: string; failure?: { kind: string; message: string } };

/** Every data-status any assistant message in this page ever had, recorded in the page. */
async function recordStatuses(page: Page): Promise<void> {
  await page.evaluate((sel) => {
    const seen: string[] = [];
    (globalThis as unknown as { seenStatuses: string[] }).seenStatuses = seen;
    const note = () => {
      for (const a of document.querySelectorAll(sel)) seen.push(a.getAttribute('data-status') ?? '');
    };
    new MutationObserver(note).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-status'] });
  }, SEL.assistant);
}
const statuses = (page: Page) => page.evaluate(() => (globalThis as unknown as { seenStatuses: string[] }).seenStatuses);

/** Posts one chat/start on a Port of its own from this extension page; returns what came back first. */
async function rawStart(page: Page, conversationId: string, base: string | null): Promise<Sent> {
  return page.evaluate(
    (id, b) =>
      new Promise<Sent>((resolve) => {
        const g = globalThis as unknown as { browser?: { runtime: unknown }; chrome: { runtime: unknown } };
        const runtime = (g.browser ?? g.chrome).runtime as {
          connect(o: object): { postMessage(m: object): void; onMessage: { addListener(cb: (m: Sent) => void): void } };
        };
        const port = runtime.connect({ name: 'ollama-chat/panel' });
        port.onMessage.addListener((m) => {
          if (m.requestId === 'raw-1') resolve(m);
        });
        const history = [{ role: 'user', content: 'Sneaky second question', timestamp: new Date().toISOString() }];
        port.postMessage({ type: 'chat/start', requestId: 'raw-1', model: 'llama3.2:latest', conversation: { id }, base: b, history });
      }),
    conversationId,
    base,
  );
}

export function twoPanelScenarios(launch: () => Promise<ExtensionHost>): void {
  let host: ExtensionHost;
  let sim: Simulator;
  const pages: Page[] = [];
  const track = (p: PanelDriver) => {
    pages.push(p.page);
    return p;
  };

  beforeAll(async () => {
    [host, sim] = await Promise.all([launch(), startSimulator({ tokensPerSecond: 400, replyTokens: 20, seed: 3 })]);
  });
  afterAll(async () => {
    await host?.close();
    await sim?.close();
  });
  afterEach(async () => {
    for (const p of pages.splice(0)) await p.close().catch(() => {});
  });

  it('a reply streaming in one panel shows live in the other (never Interrupted); both can go on', async () => {
    sim.configure({ tokensPerSecond: 400, replyTokens: 20 });
    const a = track(await openConfiguredPanel(host, { baseUrl: sim.url, defaultModel: 'llama3.2' }));
    await a.waitForStatus('Connected');
    await a.ask('First');
    expect(await a.waitForReplyEnd(0)).toBe('done');

    // The second window's panel opens where the user left off: the same conversation.
    const b = track(new PanelDriver(await host.openPanel(true)));
    await b.waitForStatus('Connected');
    await b.page.waitForFunction((sel) => document.querySelectorAll(sel).length === 1, {}, SEL.assistant);
    await recordStatuses(b.page);

    sim.configure({ tokensPerSecond: 15, replyTokens: 45 }); // 3 s: checkpoints are stored meanwhile
    await a.ask('Second, slowly');
    const partial = await b.waitForReplyText(1, (t) => t.length > 20, 15_000);
    expect(await b.page.$$eval(SEL.assistant, (els) => els[1]?.getAttribute('data-status'))).toBe('streaming');
    // Stored meanwhile: the checkpoint, marked interrupted in case the worker dies.
    await expect.poll(async () => (await stored(b.page))[0]?.messages[3]?.status, { timeout: 5000 }).toBe('interrupted');
    expect(await b.waitForReplyEnd(1, 20_000)).toBe('done');
    expect(await a.waitForReplyEnd(1, 20_000)).toBe('done');
    const full = defaultReply(
      [
        { role: 'user', content: 'First' },
        { role: 'assistant', content: await a.replyText(0) },
        { role: 'user', content: 'Second, slowly' },
      ],
      45,
    );
    expect((await b.replyText(1)).startsWith(partial.slice(0, 10))).toBe(true);
    expect(await b.replyText(1)).toBe(full);
    expect(await a.replyText(1)).toBe(full);
    expect(await statuses(b.page)).not.toContain('interrupted');

    // The other panel's copy is current: it can ask next, and the finished reply stays whole.
    sim.configure({ tokensPerSecond: 400, replyTokens: 10 });
    await b.ask('Third, from the other window');
    expect(await b.waitForReplyEnd(2)).toBe('done');
    await a.waitForReplyText(2, (t) => t.length > 0);
    const [saved] = await stored(b.page);
    expect(saved?.messages.map((m) => [m.role, m.status])).toEqual([
      ['user', undefined],
      ['assistant', undefined],
      ['user', undefined],
      ['assistant', undefined],
      ['user', undefined],
      ['assistant', undefined],
    ]);
    expect(saved?.messages[3]?.content).toBe(full);
  });

  it('a request for a conversation already answering, or built on an older copy, is refused and changes nothing', async () => {
    sim.configure({ tokensPerSecond: 10, replyTokens: 40 });
    const a = track(await openConfiguredPanel(host, { baseUrl: sim.url, defaultModel: 'llama3.2' }));
    await a.waitForStatus('Connected');
    await a.ask('Long answer please');
    await a.waitForReplyText(0, (t) => t.length > 5);
    const [running] = await stored(a.page);
    if (!running) throw new Error('the question was not saved');
    const chats = sim.requests.filter((r) => r.path === '/api/chat').length;

    const busy = await rawStart(a.page, running.id, running.updated_at);
    expect(busy.failure?.kind).toBe('conflict');
    expect(busy.failure?.message).toMatch(/already answering in another panel/);

    expect(await a.waitForReplyEnd(0, 20_000)).toBe('done');
    const stale = await rawStart(a.page, running.id, running.updated_at);
    expect(stale.failure?.kind).toBe('conflict');
    expect(stale.failure?.message).toMatch(/changed in another panel/);
    expect(sim.requests.filter((r) => r.path === '/api/chat').length).toBe(chats);
    const [after] = await stored(a.page);
    expect(after?.messages.map((m) => m.content)).toEqual(['Long answer please', await a.replyText(0)]);
    expect(after?.messages[1]?.status).toBeUndefined();
  });
}
