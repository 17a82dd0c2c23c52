/**
 * Regenerate and edit with versions (issue 14), in every browser: versions survive a reload, the
 * choice of version too, an edit makes a branch with the old one reachable, and Ollama is asked
 * only the visible path. Buttons are found by the names people and screen readers use.
 */
import type { Page } from 'puppeteer';
import { afterAll, afterEach, beforeAll, beforeEach, expect, it } from 'vitest';
import { type Simulator, startSimulator } from '../../sim/server.mjs';
import { blocking, scanPage } from './axe';
import { stored } from './history-scenarios';
import type { ExtensionHost } from './host';
import { SEL } from './panel';
import { panelTracker } from './panels';

const USER = 'article[aria-label="You"]';

/** Clicks the button named `name` (aria-label, else its text) inside the n-th element matching `scope`. */
async function press(page: Page, scope: string, n: number, name: string): Promise<void> {
  await page.waitForFunction(
    (s, i, label) =>
      [...(document.querySelectorAll(s)[i]?.querySelectorAll('button') ?? [])].some((b) => (b.getAttribute('aria-label') ?? b.textContent?.trim()) === label),
    { timeout: 10_000 },
    scope,
    n,
    name,
  );
  await page.evaluate(
    (s, i, label) => {
      const buttons = [...(document.querySelectorAll(s)[i]?.querySelectorAll('button') ?? [])];
      buttons.find((b) => (b.getAttribute('aria-label') ?? b.textContent?.trim()) === label)?.click();
    },
    scope,
    n,
    name,
  );
}

/** The "2/3" of the n-th element matching `scope`, or null when it has one version. */
const position = (page: Page, scope: string, n: number) =>
  page.$$eval(`${scope}`, (els, i) => els[i]?.querySelector('.version-position')?.textContent ?? null, n);

const waitPosition = (page: Page, scope: string, n: number, expected: string) =>
  expect.poll(() => position(page, scope, n), { timeout: 10_000 }).toBe(expected);

const userTexts = (page: Page) => page.$$eval(`${USER} > .text`, (els) => els.map((e) => e.textContent ?? ''));

/** What the last /api/chat asked: role and content of each message. */
const lastAsked = (sim: Simulator) => {
  const chats = sim.requests.filter((r) => r.path === '/api/chat');
  const body = chats.at(-1)?.body as { messages: { role: string; content: string }[] } | undefined;
  return body?.messages.map((m) => [m.role, m.content]);
};

export function versionsScenarios(launch: () => Promise<ExtensionHost>): void {
  let host: ExtensionHost;
  let sim: Simulator;
  let n = 0;
  const panels = panelTracker(() => host);
  const panel = (theme?: 'light' | 'dark') => panels.open({ baseUrl: sim.url, defaultModel: 'llama3.2', ...(theme ? { theme } : {}) });
  const reopen = async () => {
    const p = await panels.reopen();
    await p.page.waitForSelector(SEL.assistant);
    await p.waitForStatus('Connected');
    return p;
  };

  beforeAll(async () => {
    host = await launch();
    sim = await startSimulator({ tokensPerSecond: 400 });
  });
  afterAll(async () => {
    await host?.close();
    await sim?.close();
  });
  // Every reply differs, so a regenerated one is told apart from the one before.
  beforeEach(() => sim.configure({ tokensPerSecond: 400, reply: () => `Answer number ${++n}.` }));
  afterEach(() => panels.closeAll());

  it('Regenerate keeps the earlier reply as a version; both survive a reload, and so does the one chosen', async () => {
    const p = await panel();
    await p.ask('Tell me something');
    expect(await p.waitForReplyEnd(0)).toBe('done');
    const first = await p.replyText(0);
    expect(await position(p.page, SEL.assistant, 0)).toBeNull();

    await press(p.page, SEL.assistant, 0, 'Regenerate');
    await p.waitForReplyText(0, (t) => t !== first && t.startsWith('Answer number'));
    expect(await p.waitForReplyEnd(0)).toBe('done');
    const second = await p.replyText(0);
    await waitPosition(p.page, SEL.assistant, 0, '2/2');
    // Ollama was asked the question alone, not the reply it replaces.
    expect(lastAsked(sim)).toEqual([['user', 'Tell me something']]);
    const [conv] = await stored(p.page);
    expect(conv?.messages.map((m) => m.content)).toEqual(['Tell me something', second]);
    const reply = conv?.messages[1] as { versions?: { content: string }[] } | undefined;
    expect(reply?.versions?.map((v) => v.content)).toEqual([first]);

    const q = await reopen();
    await q.waitForReplyText(0, (t) => t === second);
    await waitPosition(q.page, SEL.assistant, 0, '2/2');
    await press(q.page, SEL.assistant, 0, 'Previous version');
    await q.waitForReplyText(0, (t) => t === first);
    await waitPosition(q.page, SEL.assistant, 0, '1/2');
    // The choice is saved through the background: a reload shows it again.
    await expect.poll(async () => (await stored(q.page))[0]?.messages[1]?.content, { timeout: 10_000 }).toBe(first);

    const r = await reopen();
    await r.waitForReplyText(0, (t) => t === first);
    await waitPosition(r.page, SEL.assistant, 0, '1/2');
    await press(r.page, SEL.assistant, 0, 'Next version');
    await r.waitForReplyText(0, (t) => t === second);
    await waitPosition(r.page, SEL.assistant, 0, '2/2');
  });

  it('a question sent in the same moment as a version switch follows the chosen version, not refused as built on an older copy', async () => {
    const p = await panel();
    await p.page.click(SEL.newChat);
    await p.ask('Pick one');
    expect(await p.waitForReplyEnd(0)).toBe('done');
    const first = await p.replyText(0);
    await press(p.page, SEL.assistant, 0, 'Regenerate');
    await p.waitForReplyText(0, (t) => t !== first && t.startsWith('Answer number'));
    expect(await p.waitForReplyEnd(0)).toBe('done');
    const second = await p.replyText(0);
    await waitPosition(p.page, SEL.assistant, 0, '2/2');
    await p.page.type(SEL.message, 'And then?');
    // Both clicks in one task: the switch's save cannot reach the panel before the question leaves.
    await p.page.evaluate(
      (scope, send) => {
        const buttons = [...(document.querySelector(scope)?.querySelectorAll('button') ?? [])];
        buttons.find((b) => b.getAttribute('aria-label') === 'Previous version')?.click();
        document.querySelector<HTMLButtonElement>(send)?.click();
      },
      SEL.assistant,
      SEL.send,
    );
    expect(await p.waitForReplyEnd(1)).toBe('done');
    expect(lastAsked(sim)).toEqual([
      ['user', 'Pick one'],
      ['assistant', first],
      ['user', 'And then?'],
    ]);
    const conv = (await stored(p.page)).find((c) => c.messages[0]?.content === 'Pick one');
    expect(conv?.messages.map((m) => m.content)).toEqual(['Pick one', first, 'And then?', await p.replyText(1)]);
    expect((conv?.messages[1] as { versions?: { content: string }[] } | undefined)?.versions?.map((v) => v.content)).toEqual([second]);
    expect(await p.page.$eval(SEL.message, (t) => (t as HTMLTextAreaElement).value)).toBe('');
  });

  it('Edit message starts a new branch; the old question and its answers stay reachable with the arrows', async () => {
    const p = await panel();
    await p.page.click(SEL.newChat);
    await p.ask('First question');
    expect(await p.waitForReplyEnd(0)).toBe('done');
    await p.ask('Follow-up question');
    expect(await p.waitForReplyEnd(1)).toBe('done');
    const oldAnswers = [await p.replyText(0), await p.replyText(1)];

    // Esc closes the edit box and changes nothing.
    await press(p.page, USER, 0, 'Edit message');
    await p.page.waitForFunction(() => document.activeElement?.getAttribute('aria-label') === 'Edited message');
    await p.page.keyboard.press('Escape');
    await p.page.waitForFunction(() => !document.querySelector('textarea[aria-label="Edited message"]'));
    // Focus goes back to the button that opened the box.
    await p.page.waitForFunction(() => document.activeElement?.textContent === 'Edit message');
    expect(await userTexts(p.page)).toEqual(['First question', 'Follow-up question']);

    await press(p.page, USER, 0, 'Edit message');
    const edit = await p.page.waitForSelector('textarea[aria-label="Edited message"]');
    await p.page.waitForFunction(() => document.activeElement?.getAttribute('aria-label') === 'Edited message');
    // Replace the whole text, as a person selecting it all would.
    await edit?.evaluate((t) => (t as HTMLTextAreaElement).setSelectionRange(0, (t as HTMLTextAreaElement).value.length));
    await p.page.keyboard.type('Better question');
    await press(p.page, '.edit-box', 0, 'Send');
    await expect.poll(() => p.assistantCount(), { timeout: 10_000 }).toBe(1);
    expect(await p.waitForReplyEnd(0)).toBe('done');
    expect(await userTexts(p.page)).toEqual(['Better question']);
    await waitPosition(p.page, USER, 0, '2/2');
    expect(lastAsked(sim)).toEqual([['user', 'Better question']]);
    const newAnswer = await p.replyText(0);

    const q = await reopen();
    await q.waitForReplyText(0, (t) => t === newAnswer);
    await waitPosition(q.page, USER, 0, '2/2');
    await press(q.page, USER, 0, 'Previous version');
    await expect.poll(() => userTexts(q.page), { timeout: 10_000 }).toEqual(['First question', 'Follow-up question']);
    await waitPosition(q.page, USER, 0, '1/2');
    expect([await q.replyText(0), await q.replyText(1)]).toEqual(oldAnswers);
    await press(q.page, USER, 0, 'Next version');
    await expect.poll(() => userTexts(q.page), { timeout: 10_000 }).toEqual(['Better question']);
    expect(await q.replyText(0)).toBe(newAnswer);
  });

  for (const theme of ['light', 'dark'] as const) {
    it(`${theme}, 320 px: the arrows, Regenerate and the open edit box are axe-clean and fit`, async () => {
      const p = await panel(theme);
      await p.page.setViewport({ width: 320, height: 700 });
      await p.page.click(SEL.newChat);
      await p.ask('A question to edit and regenerate');
      expect(await p.waitForReplyEnd(0)).toBe('done');
      await press(p.page, SEL.assistant, 0, 'Regenerate');
      await waitPosition(p.page, SEL.assistant, 0, '2/2');
      expect(await p.waitForReplyEnd(0)).toBe('done');
      // One arrow at its end (aria-disabled) and one live, in both kinds of bubble.
      await press(p.page, USER, 0, 'Edit message');
      await p.page.waitForSelector('textarea[aria-label="Edited message"]');
      expect(blocking(await scanPage(p.page))).toEqual([]);
      const overflow = await p.page.evaluate(() => {
        const wide = [...document.querySelectorAll('.message, .edit-box, .version-switch')].filter(
          (e) => e.getBoundingClientRect().right > window.innerWidth + 0.5,
        );
        return { page: document.documentElement.scrollWidth > window.innerWidth, wide: wide.map((e) => e.className) };
      });
      expect(overflow).toEqual({ page: false, wide: [] });
    });
  }
}
