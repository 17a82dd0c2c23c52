/**
 * The panel at its narrowest (320 px: nothing cut off, nothing overlapping) and wide (800 px:
 * a reading column, centred), and the Theme setting switching an open panel.
 */
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { type Simulator, startSimulator } from '../../sim/server.mjs';
import { richReply } from './a11y-scenarios';
import { bodyColour, DARK_BG, LIGHT_BG, saveTheme } from './theme';
import { type ExtensionHost, openConfiguredPanel, removeOriginRule } from './host';
import { type PanelDriver, SEL } from './panel';

/** Runs in the page: controls that stick out of the viewport, and header controls that overlap. */
export const layoutProblems = (): string[] => {
  const out: string[] = [];
  const width = document.documentElement.clientWidth;
  if (document.documentElement.scrollWidth > width) out.push(`page scrolls sideways: ${document.documentElement.scrollWidth} > ${width}`);
  const name = (e: Element) => `${e.localName}${e.getAttribute('aria-label') ? `[${e.getAttribute('aria-label')}]` : ''}.${e.className}`;
  const visible = (e: Element) => e.getClientRects().length > 0 && getComputedStyle(e).visibility !== 'hidden';
  // What scrolls sideways on purpose (code, tables) is clipped by its scroller, not by the panel.
  const controls = [...document.querySelectorAll('button, select, textarea, input, summary, [role="status"], .banner-text, h2')].filter(
    (e) => visible(e) && !e.closest('.md-table, pre, .visually-hidden'),
  );
  for (const e of controls) {
    const r = e.getBoundingClientRect();
    if (getComputedStyle(e).opacity === '0') continue;
    if (r.left < -0.5 || r.right > width + 0.5) out.push(`${name(e)} spans ${Math.round(r.left)}–${Math.round(r.right)} of ${width}`);
  }
  const header = [...document.querySelectorAll('.header button, .header select')].filter(visible).map((e) => [e, e.getBoundingClientRect()] as const);
  for (const [i, [a, ra]] of header.entries()) {
    for (const [b, rb] of header.slice(i + 1)) {
      const overlap = Math.min(ra.right, rb.right) - Math.max(ra.left, rb.left) > 0.5 && Math.min(ra.bottom, rb.bottom) - Math.max(ra.top, rb.top) > 0.5;
      if (overlap) out.push(`${name(a)} overlaps ${name(b)}`);
    }
  }
  return out;
};

/** Runs in the page: where the message column and the message box sit in their scrollers. */
const columns = () => {
  const box = (sel: string, within: string) => {
    const e = document.querySelector(sel);
    const outer = e?.closest(within);
    if (!e || !outer) return null;
    const r = e.getBoundingClientRect();
    const o = outer.getBoundingClientRect();
    // Centred within what the scroller shows (its scrollbar, when it has one, is not content).
    const inner = o.left + outer.clientLeft + outer.clientWidth / 2;
    return { width: r.width, offCentre: Math.abs(r.left + r.width / 2 - inner) };
  };
  return {
    rem: Number.parseFloat(getComputedStyle(document.documentElement).fontSize),
    reply: box('article[aria-label="Assistant"]', '.scroller'),
    input: box('.composer-row', '.composer'),
  };
};

export function layoutScenarios(launch: () => Promise<ExtensionHost>): void {
  let host: ExtensionHost;
  let sim: Simulator;
  let panel: PanelDriver | null = null;
  const open = async (width: number, theme = 'system') => {
    const settings = { baseUrl: sim.url, defaultModel: 'llama3.2', theme };
    panel = await openConfiguredPanel(host, settings);
    await panel.page.setViewport({ width, height: 700 });
    await panel.waitForStatus('Connected');
    return panel;
  };

  beforeAll(async () => {
    host = await launch();
    sim = await startSimulator({ tokensPerSecond: 500, replyTokens: 30, seed: 3, reply: richReply });
  });
  afterAll(async () => {
    await host?.close();
    await sim?.close();
  });
  afterEach(async () => {
    await panel?.page.close().catch(() => {});
    panel = null;
  });

  it('320 px: chat with a banner, History with its menu open and Settings fit, nothing overlaps', async () => {
    const p = await open(320);
    await p.ask('Show me everything, and make it a long question so the message wraps a few times');
    expect(await p.waitForReplyEnd(0)).toBe('done');
    await removeOriginRule(p.page);
    await p.ask('Forbidden?');
    await p.waitForBanner('OLLAMA_ORIGINS');
    expect(await p.page.evaluate(layoutProblems), 'chat').toEqual([]);

    await p.page.click('button[aria-label="History"]');
    await p.page.waitForSelector('.history-item summary');
    await p.page.click('.history-item summary');
    await p.page.waitForSelector('.history-actions button');
    expect(await p.page.evaluate(layoutProblems), 'History').toEqual([]);

    await p.page.click(SEL.settings);
    await p.page.waitForSelector('select#theme');
    expect(await p.page.evaluate(layoutProblems), 'Settings').toEqual([]);

    await p.page.click('button[aria-label="System prompt"]');
    await p.page.waitForSelector('#conversation-system');
    const model = await p.page.$eval('select#override-model option:nth-child(2)', (o) => (o as HTMLOptionElement).value);
    await p.page.select('select#override-model', model);
    await p.page.waitForSelector('#param-model-temperature');
    expect(await p.page.evaluate(layoutProblems), 'System prompt editor, a model’s parameters').toEqual([]);
  });

  it('800 px: messages and the message box keep a reading width (46rem), centred', async () => {
    const p = await open(800);
    await p.ask('Wide');
    expect(await p.waitForReplyEnd(0)).toBe('done');
    const c = await p.page.evaluate(columns);
    for (const [what, box] of [
      ['reply', c.reply],
      ['message box', c.input],
    ] as const) {
      expect(box, what).not.toBeNull();
      expect(box?.width, what).toBeLessThanOrEqual(46 * c.rem + 1);
      expect(box?.width, what).toBeGreaterThan(40 * c.rem);
      expect(box?.offCentre, what).toBeLessThanOrEqual(1);
    }
  });

  it('System on a light OS is light; saving Dark switches the open panel, and Light back', async () => {
    const p = await open(400);
    await expect.poll(() => p.page.evaluate(bodyColour)).toBe(LIGHT_BG);
    await saveTheme(p, 'dark');
    await expect.poll(() => p.page.evaluate(bodyColour)).toBe(DARK_BG);
    await saveTheme(p, 'light');
    await expect.poll(() => p.page.evaluate(bodyColour)).toBe(LIGHT_BG);
  });
}
