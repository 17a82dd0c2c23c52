/**
 * The panel by keyboard alone (page.keyboard: Tab, Enter, Esc; no clicks), asserting where focus
 * is at each step; plus the streaming indicator, the growing message box and the reply footer.
 */
import type { Page } from 'puppeteer';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { type Simulator, startSimulator } from '../../sim/server.mjs';
import { type ExtensionHost, openConfiguredPanel } from './host';
import { type PanelDriver, SEL } from './panel';

/** What has focus, as a person would name it: its accessible label, else its tag and class. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const e = document.activeElement;
    if (!e || e === document.body) return 'body';
    const label = e.getAttribute('aria-label');
    return label ? `${e.localName}:${label}` : `${e.localName}.${e.className}`;
  });

/** Presses Tab (or Shift+Tab) until the focused element matches `selector`; fails after `max` presses. */
async function tabTo(page: Page, selector: string, back = false, max = 40): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
    if (back) await page.keyboard.down('Shift');
    await page.keyboard.press('Tab');
    if (back) await page.keyboard.up('Shift');
  }
  throw new Error(`${selector} never got focus by ${back ? 'Shift+' : ''}Tab; focus is on ${await focused(page)}`);
}

const waitFocus = async (page: Page, expected: string) => {
  await expect.poll(() => focused(page), { timeout: 5000 }).toBe(expected);
};

const boxHeight = (page: Page) => page.$eval(SEL.message, (t) => t.getBoundingClientRect().height);

export function keyboardScenarios(launch: () => Promise<ExtensionHost>): void {
  let host: ExtensionHost;
  let sim: Simulator;
  let panel: PanelDriver | null = null;

  beforeAll(async () => {
    host = await launch();
    sim = await startSimulator({ tokensPerSecond: 400, replyTokens: 30, seed: 11 });
  });
  afterAll(async () => {
    await host?.close();
    await sim?.close();
  });
  afterEach(async () => {
    await panel?.page.close().catch(() => {});
    panel = null;
  });

  it('type, send, stop, History, open a conversation, Settings: keyboard only, focus where it belongs', async () => {
    sim.configure({ tokensPerSecond: 20, replyTokens: 400 });
    const p = await openConfiguredPanel(host, { baseUrl: sim.url, defaultModel: 'llama3.2' });
    panel = p;
    const { page } = p;
    await p.waitForStatus('Connected');
    await waitFocus(page, 'textarea:Message');

    // The box grows with its lines, and shrinks back once the message is sent.
    const empty = await boxHeight(page);
    await page.keyboard.type('Tell me a long story');
    for (let i = 0; i < 4; i++) {
      await page.keyboard.down('Shift');
      await page.keyboard.press('Enter');
      await page.keyboard.up('Shift');
      await page.keyboard.type(`line ${i}`);
    }
    const grown = await boxHeight(page);
    expect(grown).toBeGreaterThan(empty + 30);
    await page.keyboard.press('Enter');
    await p.waitForReplyText(0, (t) => t.length > 20);
    expect(await boxHeight(page)).toBe(empty);
    await waitFocus(page, 'textarea:Message');

    // One streaming indicator, at the end of the growing text; the message says it is busy.
    const streaming = await page.$eval(SEL.assistant, (a) => ({
      busy: a.getAttribute('aria-busy'),
      carets: a.querySelectorAll('.stream-caret').length,
      last: a.querySelector('.stream-caret')?.nextSibling === null,
      hidden: a.querySelector('.stream-caret')?.getAttribute('aria-hidden'),
      mark: getComputedStyle(a.querySelector('.stream-caret') as Element, '::after').content,
    }));
    expect(streaming).toEqual({ busy: 'true', carets: 1, last: true, hidden: 'true', mark: '"▍"' });
    const blink = () => page.$eval('.stream-caret', (c) => getComputedStyle(c, '::after').animationName);
    expect(await blink()).toBe('blink');
    if (host.name === 'chromium') {
      // Only Chromium's protocol emulates the media feature; the CSS rule is the same for both.
      await page.emulateMediaFeatures([{ name: 'prefers-reduced-motion', value: 'reduce' }]);
      expect(await blink()).toBe('none');
    }

    // Esc stops the reply; focus stays in the box, the indicator goes.
    await page.keyboard.press('Escape');
    expect(await p.waitForReplyEnd(0)).toBe('stopped');
    await waitFocus(page, 'textarea:Message');
    expect(await page.$$eval('.stream-caret', (c) => c.length)).toBe(0);

    // A finished reply gets its footer: model, speed, time.
    sim.configure({ tokensPerSecond: 400, replyTokens: 30 });
    await page.keyboard.type('And a short one');
    await page.keyboard.press('Enter');
    expect(await p.waitForReplyEnd(1)).toBe('done');
    const footer = await page.waitForSelector(`${SEL.assistant}:last-of-type .reply-footer`);
    expect(await footer?.evaluate((f) => f.firstChild?.textContent)).toMatch(/^llama3\.2:latest · [\d.,]+ tok\/s · [\d.,]+ s$/);
    expect(await footer?.evaluate((f) => f.getAttribute('title'))).toMatch(/^First token after [\d.,]+ s/);

    // History: opens with focus in its search box; Esc gives focus back to its button.
    await tabTo(page, 'button[aria-label="History"]', true);
    await page.keyboard.press('Enter');
    await waitFocus(page, 'input:Search conversations');
    await page.keyboard.press('Escape');
    await waitFocus(page, 'button:History');
    expect(await page.$(SEL.message)).not.toBeNull();

    // Open the conversation from History: focus lands on its last message.
    await page.keyboard.press('Enter');
    await waitFocus(page, 'input:Search conversations');
    await tabTo(page, 'button.history-open');
    await page.keyboard.press('Enter');
    await waitFocus(page, 'article:Assistant');
    expect(await page.evaluate(() => document.activeElement === document.querySelector('[role="log"] > article:last-of-type'))).toBe(true);

    // Settings: opens in its first field; Esc back to chat, focus on the Settings button.
    await tabTo(page, 'button[aria-label="Settings"]', true);
    await page.keyboard.press('Enter');
    await waitFocus(page, 'input.');
    expect(await page.evaluate(() => document.activeElement?.closest('label')?.textContent)).toContain('Ollama URL');
    await page.keyboard.press('Escape');
    await waitFocus(page, 'button:Settings');

    // And Back to chat, reached by Tab, does the same.
    await page.keyboard.press('Enter');
    await waitFocus(page, 'input.');
    await tabTo(page, '.settings-actions button.button-secondary');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Back to chat');
    await page.keyboard.press('Enter');
    await waitFocus(page, 'button:Settings');
    expect(await page.$(SEL.message)).not.toBeNull();
  });
}
