/**
 * Unsent text is kept per conversation, in every browser: what is typed in the message box and a
 * conversation's system prompt edited but not yet sent come back when the panel is opened again,
 * the next send carries them, and a draft never shows in another conversation.
 */
import type { Page } from 'puppeteer';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { type Simulator, startSimulator } from '../../sim/server.mjs';
import { storageDump } from './history-scenarios';
import type { ExtensionHost } from './host';
import { SEL } from './panel';
import { panelTracker } from './panels';

const SYSTEM_BUTTON = '.header button[aria-label="System prompt"]';
const EDITOR = '#conversation-system';
const MODEL = 'llama3.2:latest';

type ChatBody = { messages: { role: string; content: string }[] };
const chatBodies = (sim: Simulator) => sim.requests.filter((r) => r.path === '/api/chat').map((r) => r.body as ChatBody);

/** The stored drafts' texts, to know a write landed before the page is closed. */
const storedDrafts = async (page: Page) =>
  ((await storageDump(page)).ollama_chat_drafts ?? []) as { conversation: string | null; text: string; system?: string }[];

const waitForLog = (page: Page, text: string) =>
  page.waitForFunction((sel, t) => document.querySelector(sel)?.textContent?.includes(t), { timeout: 15_000 }, SEL.log, text);

const waitForDraft = (page: Page, text: string) =>
  page.waitForFunction((sel, t) => (document.querySelector(sel) as HTMLTextAreaElement | null)?.value === t, { timeout: 10_000 }, SEL.message, text);

/** Opens the conversation whose first question is `question` from History. */
async function openFromHistory(page: Page, question: string): Promise<void> {
  await page.click('button[aria-label="History"]');
  await page.waitForSelector('.history-open');
  await page.$$eval('.history-open', (bs, q) => (bs.find((b) => b.textContent?.includes(q)) as HTMLElement).click(), question);
  await waitForLog(page, question);
}

async function editorValue(page: Page): Promise<string> {
  if (!(await page.$(EDITOR))) await page.click(SYSTEM_BUTTON);
  await page.waitForSelector(EDITOR);
  return page.$eval(EDITOR, (e) => (e as HTMLTextAreaElement).value);
}

export function draftsScenarios(launch: () => Promise<ExtensionHost>): void {
  let host: ExtensionHost;
  let sim: Simulator;
  const panels = panelTracker(() => host);
  const panel = () => panels.open({ baseUrl: sim.url, defaultModel: MODEL }, MODEL);
  const reopen = () => panels.reopen();
  beforeAll(async () => {
    [host, sim] = await Promise.all([launch(), startSimulator({ tokensPerSecond: 400, replyTokens: 20 })]);
  });
  afterAll(async () => {
    await host?.close();
    await sim?.close();
  });
  afterEach(() => panels.closeAll());

  it('unsent text and an edited system prompt come back in a fresh panel; the next send carries them and empties the box', async () => {
    const first = await panel();
    await first.ask('First question');
    expect(await first.waitForReplyEnd(0)).toBe('done');

    // Edited and typed, never sent.
    await first.page.click(SYSTEM_BUTTON);
    await first.page.waitForSelector(EDITOR);
    await first.page.type(EDITOR, 'Answer like a sailor.');
    await first.page.click(SEL.message);
    await first.page.type(SEL.message, 'Unsent words');
    await expect.poll(() => storedDrafts(first.page), { timeout: 5_000 }).toMatchObject([{ text: 'Unsent words', system: 'Answer like a sailor.' }]);
    await first.page.close();

    const second = await reopen();
    await waitForLog(second.page, 'First question');
    await waitForDraft(second.page, 'Unsent words');
    expect(await editorValue(second.page)).toBe('Answer like a sailor.');
    const asked = chatBodies(sim).length;
    await second.page.click(SEL.send);
    expect(await second.waitForReplyEnd(1)).toBe('done');
    const bodies = chatBodies(sim);
    expect(bodies).toHaveLength(asked + 1);
    const sent = bodies.at(-1)?.messages ?? [];
    expect(sent[0]).toEqual({ role: 'system', content: 'Answer like a sailor.' });
    expect(sent.at(-1)).toEqual({ role: 'user', content: 'Unsent words' });
    await expect.poll(() => storedDrafts(second.page), { timeout: 5_000 }).not.toContainEqual(expect.objectContaining({ text: 'Unsent words' }));
    await second.page.close();

    const third = await reopen();
    await waitForLog(third.page, 'Unsent words');
    expect(await third.draft()).toBe('');
    expect(await editorValue(third.page)).toBe('Answer like a sailor.');
  });

  it('a draft typed in one conversation never shows in another, and each comes back to its own', async () => {
    const p = await panel();
    await p.ask('Question A');
    expect(await p.waitForReplyEnd(0)).toBe('done');
    await p.page.click(SEL.newChat);
    await p.ask('Question B');
    expect(await p.waitForReplyEnd(0)).toBe('done');

    await openFromHistory(p.page, 'Question A');
    await p.page.click(SEL.message);
    await p.page.type(SEL.message, 'Draft for A');
    await openFromHistory(p.page, 'Question B');
    expect(await p.draft()).toBe('');
    await p.page.click(SEL.newChat);
    expect(await p.draft()).toBe('');
    await openFromHistory(p.page, 'Question A');
    await waitForDraft(p.page, 'Draft for A');

    // A fresh panel reopens A, with its draft; B still has none.
    await expect.poll(() => storedDrafts(p.page), { timeout: 5_000 }).toMatchObject([{ text: 'Draft for A' }]);
    await p.page.close();
    const again = await reopen();
    await waitForLog(again.page, 'Question A');
    await waitForDraft(again.page, 'Draft for A');
    await openFromHistory(again.page, 'Question B');
    expect(await again.draft()).toBe('');
  });
}
