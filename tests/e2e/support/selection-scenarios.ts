/** "Ask about selection" scenarios shared by Chromium and Firefox: the hand-over through the queue. */
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { type Simulator, startSimulator } from '../../sim/server.mjs';
import { type ExtensionHost, openConfiguredPanel } from './host';
import { PanelDriver, SEL } from './panel';
import type { Click, Tab } from './selection';

/** `panel`: the open panel, for browsers that reach the handler only from an extension page. */
export type ClickFn = (host: ExtensionHost, click: Click, tab: Tab, panel: PanelDriver | null) => Promise<void>;

const TAB: Tab = { id: 1, windowId: 1, title: 'A page about llamas', url: 'https://example.com/llamas' };
const NASTY = 'Llamas <img src="http://127.0.0.1:9/x.png" onerror="document.title=\'pwned\'"> are <b>camelids</b>.';

/**
 * `clicksNeedAPage`: Firefox reaches the handler only from an extension page, and the only one
 * is the panel; the closed-panel case cannot be staged there (Chromium covers it).
 */
export function selectionScenarios(launch: () => Promise<ExtensionHost>, click: ClickFn, clicksNeedAPage = false): void {
  let host: ExtensionHost;
  let sim: Simulator;
  const pages: PanelDriver[] = [];
  const panel = async () => {
    const p = await openConfiguredPanel(host, { baseUrl: sim.url, defaultModel: 'llama3.2' });
    pages.push(p);
    await p.waitForStatus('Connected');
    return p;
  };
  const lastUserMessage = () => {
    const body = sim.requests.filter((r) => r.path === '/api/chat').at(-1)?.body as { messages: { content: string }[] } | undefined;
    return body?.messages.at(-1)?.content ?? '';
  };

  beforeAll(async () => {
    host = await launch();
    sim = await startSimulator({ tokensPerSecond: 400, replyTokens: 20 });
  });
  afterAll(async () => {
    await host?.close();
    await sim?.close();
  });
  afterEach(async () => {
    for (const p of pages.splice(0)) await p.page.close().catch(() => {});
  });

  it('"Ask about" quotes the selection as text (never HTML) with its page, focuses the box, and sends it with the question', async () => {
    const p = await panel();
    await click(host, { menuItemId: 'ask', selectionText: NASTY }, TAB, p);
    await p.page.waitForSelector('.context-text');
    expect(await p.page.$eval('.context-text', (e) => e.textContent)).toBe(NASTY);
    expect(await p.page.$$('.context-text img, .context-text b')).toHaveLength(0);
    expect(await p.page.$eval('.context-source', (e) => e.textContent)).toContain('A page about llamas');
    await p.page.waitForFunction(() => document.activeElement?.getAttribute('aria-label') === 'Message');
    await p.page.keyboard.type('What are they?');
    await p.page.keyboard.down('Control');
    await p.page.keyboard.press('Enter');
    await p.page.keyboard.up('Control');
    expect(await p.waitForReplyEnd(0)).toBe('done');
    expect(lastUserMessage()).toBe(`What are they?\n\nFrom "A page about llamas" (https://example.com/llamas):\n> ${NASTY}`);
    expect(await p.page.$('.context-text')).toBeNull();
    expect(await p.page.title()).not.toBe('pwned');
    expect(sim.requests.some((r) => r.path === '/x.png')).toBe(false);
  });

  it('a quick action sends at once and streams the answer in a new chat', async () => {
    const p = await panel();
    await click(host, { menuItemId: 'action:summarize', selectionText: 'Llamas hum.' }, TAB, p);
    expect(await p.waitForReplyEnd(0)).toBe('done');
    expect(lastUserMessage()).toBe('Summarize the following text in a few bullet points:\n\nLlamas hum.');
    expect((await p.replyText(0)).length).toBeGreaterThan(0);
  });

  if (clicksNeedAPage) return;

  it('selections made while the panel is closed arrive when it opens, in order, exactly once, cut to the limit', async () => {
    // Settings first (that opens and closes a panel), then the clicks with no panel open.
    await (await panel()).page.close();
    await click(host, { menuItemId: 'ask', selectionText: 'first' }, TAB, null);
    await click(host, { menuItemId: 'ask', selectionText: 'x'.repeat(9000) }, TAB, null);
    const p = new PanelDriver(await host.openPanel());
    pages.push(p);
    await p.page.waitForFunction(() => document.querySelectorAll('.context-text').length === 2);
    const texts = await p.page.$$eval('.context-text', (els) => els.map((e) => e.textContent ?? ''));
    expect(texts[0]).toBe('first');
    expect(texts[1]?.length).toBe(8000);
    expect(await p.page.$eval('.context-note', (e) => e.textContent)).toBe('Selection cut to 8,000 of 9,000 characters (limit in Settings).');
    const again = new PanelDriver(await host.openPanel());
    pages.push(again);
    await again.waitForStatus('Connected');
    expect(await again.page.$$('.context-text')).toHaveLength(0);
    expect(await p.page.$$(SEL.assistant)).toHaveLength(0);
  });
}
