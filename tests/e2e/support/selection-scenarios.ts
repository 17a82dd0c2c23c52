/**
 * "Ask about selection" scenarios shared by Chromium and Firefox: text selected on a real page
 * (llamas.localhost, see test-page.ts), a menu entry chosen (selection.ts), and the hand-over
 * through the queue to a panel that is open, closed or still loading.
 */
import { afterAll, afterEach, beforeAll, beforeEach, expect, it } from 'vitest';
import { type Simulator, startSimulator } from '../../sim/server.mjs';
import { type Gate, startGate } from './gate';
import { type PanelView, pageView, Q } from './panel-view';
import type { SelectionBrowser } from './selection';
import { NASTY, PAGE_TITLE, startTestPage, type TestPage, TEXTS } from './test-page';

const SUMMARIZE = `Summarize the following text in a few bullet points:\n\n${TEXTS.hum}`;
const MODELS = [{ name: 'llama3.2:latest', family: 'llama', parameterSize: '3.2B' }];

/** `setup` gets the test page's address and returns the browser's way of clicking menus. */
export function selectionScenarios(setup: (pageUrl: string) => Promise<SelectionBrowser>): void {
  let b: SelectionBrowser;
  let sim: Simulator;
  let gate: Gate;
  let page: TestPage;
  const chats = () => sim.requests.filter((r) => r.path === '/api/chat');
  const lastUserMessage = () => {
    const body = chats().at(-1)?.body as { messages: { content: string }[] } | undefined;
    return body?.messages.at(-1)?.content ?? '';
  };
  const configure = (baseUrl = sim.url) => b.configure({ baseUrl, defaultModel: 'llama3.2' });
  const connected = (p: PanelView) => p.waitFor('"Connected"', (d) => d.querySelector('[role="status"]')?.textContent === 'Connected', null);
  const replyDone = (p: PanelView, n: number) =>
    p.waitFor(
      `reply ${n} to end`,
      (d, i) => {
        const s = d.querySelectorAll('article[aria-label="Assistant"]')[i]?.getAttribute('data-status');
        return s && s !== 'streaming';
      },
      n,
    );
  /** A quick action that went out: answered in a new chat, no banner, nothing left in the box. */
  const expectSent = async (p: PanelView, before: number) => {
    await replyDone(p, 0);
    expect(await p.run(Q.reply, 0)).toBe('done');
    expect(await p.run(Q.assistants, null)).toBe(1);
    expect(chats().length - before).toBe(1);
    expect(lastUserMessage()).toBe(SUMMARIZE);
    expect(await p.run(Q.banner, null)).toBeNull();
    expect(await p.run(Q.draft, null)).toBe('');
  };

  beforeAll(async () => {
    page = await startTestPage();
    sim = await startSimulator({ tokensPerSecond: 400, replyTokens: 20, models: MODELS });
    gate = await startGate(sim.url);
    b = await setup(page.url);
  });
  afterAll(async () => {
    await b?.host.close();
    await Promise.all([sim?.close(), gate?.close(), page?.close()]);
  });
  beforeEach(async () => {
    sim.configure({ models: MODELS });
    gate.release();
  });
  afterEach(async () => {
    await b.closePanels();
  });

  it('"Ask about" quotes the selection as text (never HTML) with the page\'s own title and address, focuses the box, and sends it with the question', async () => {
    await configure();
    const p = await b.openPanel();
    await connected(p);
    await b.choose('ask', 'nasty');
    await p.waitFor('the quoted selection', (d) => d.querySelector('.context-text'), null);
    expect(await p.run(Q.contexts, null)).toEqual([NASTY]);
    expect(await p.run((d) => d.querySelectorAll('.context-text img, .context-text b').length, null)).toBe(0);
    // Title and address come from the real tab: only the activeTab grant of the click reveals them.
    expect(await p.run(Q.source, null)).toEqual({ text: PAGE_TITLE, title: page.url });
    await p.waitFor('the message box to have focus', Q.messageBoxFocused, null);
    await p.run(Q.send, 'What are they?');
    await replyDone(p, 0);
    expect(await p.run(Q.reply, 0)).toBe('done');
    expect(lastUserMessage()).toBe(`From "${PAGE_TITLE}" (${page.url}):\n> ${NASTY}\n\nWhat are they?`);
    expect(await p.run(Q.contexts, null)).toEqual([]);
    expect(sim.requests.some((r) => r.path === '/x.png')).toBe(false);
  });

  it('a quick action with the panel open sends at once and streams the answer in a new chat', async () => {
    await configure();
    const p = await b.openPanel();
    await connected(p);
    const before = chats().length;
    await b.choose('action:summarize', 'hum');
    await expectSent(p, before);
  });

  it('a quick action chosen with the panel closed is sent once the panel knows its model', async () => {
    await configure();
    const before = chats().length;
    await b.choose('action:summarize', 'hum');
    await expectSent(await b.panelAfterClick(), before);
    expect(await b.queued()).toBe(0);
  });

  it('a quick action chosen while the panel is still loading waits for the model list, then is sent', async () => {
    await configure(gate.url);
    const held = gate.hold();
    const p = await b.openPanel();
    const heldAt = await held;
    const before = chats().length;
    await b.choose('action:summarize', 'hum');
    // Taken from the queue by the panel while its status is still unknown.
    await expect.poll(() => b.queued(), { timeout: 5000 }).toBe(0);
    expect(await p.run(Q.status, null)).toBe('Checking');
    expect(chats().length).toBe(before);
    expect(await p.run(Q.banner, null)).toBeNull();
    expect(await p.run(Q.draft, null)).toBe('');
    // The background's health check gives up after 2 s; past that this test says nothing.
    expect(Date.now() - heldAt, 'the machine was too slow to stage "still loading"').toBeLessThan(1800);
    gate.release();
    await connected(p);
    await expectSent(p, before);
  });

  it('with no model installed, a quick action stays in the message box with the reason', async () => {
    sim.configure({ models: [] });
    await configure();
    const before = chats().length;
    await b.choose('action:summarize', 'hum');
    const p = await b.panelAfterClick();
    await p.waitFor('the no-model banner', (d) => d.querySelector('.banner[role="alert"]')?.textContent?.includes('No model is installed'), null);
    expect(await p.run(Q.draft, null)).toBe(SUMMARIZE);
    expect(await p.run(Q.assistants, null)).toBe(0);
    expect(chats().length).toBe(before);
  });

  it('selections made while the panel is closed arrive in order, exactly once, cut to the limit', async () => {
    await configure();
    await b.choose('ask', 'first');
    await b.choose('ask', 'long');
    const p = await b.panelAfterClick();
    await p.waitFor('two quoted selections', (d) => d.querySelectorAll('.context-text').length === 2, null);
    const texts = await p.run(Q.contexts, null);
    expect(texts[0]).toBe('first');
    expect(texts[1]?.length).toBe(8000);
    expect(await p.run(Q.note, null)).toBe('Selection cut to 8,000 of 9,000 characters (limit in Settings).');
    // Another panel opened now finds nothing left: each selection went to exactly one panel.
    const again = pageView(await b.host.openPanel());
    await connected(again);
    expect(await again.run(Q.contexts, null)).toEqual([]);
    expect(await p.run(Q.assistants, null)).toBe(0);
  });
}
