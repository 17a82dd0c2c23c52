/**
 * axe-core over every state of the panel, light and dark, in each browser: no critical and no
 * serious violation anywhere (WCAG AA contrast included). Each state's totals go to stdout.
 */
import { afterAll, afterEach, beforeAll, beforeEach, expect, it } from 'vitest';
import { type Simulator, startSimulator } from '../../sim/server.mjs';
import { CODE } from '../../components/markdown/support/in-page';
import { AxeReport, blocking, scanPage } from './axe';
import { type ExtensionHost, openConfiguredPanel, type PanelSettings, removeOriginRule } from './host';
import { type PanelDriver, SEL } from './panel';

export type Scheme = 'light' | 'dark';
type Theme = Scheme | 'system';

/** A reply with every kind of block the panel styles; the long line and wide table scroll sideways. */
export function richReply(): string {
  return [
    '## Fruit, counted',
    '',
    'A paragraph with `inline code`, **bold** text and [a link](https://ollama.com/docs).',
    '',
    '- apples, red or green',
    '- pears',
    '',
    '1. wash',
    '2. eat',
    '',
    '> A quote, for good measure.',
    '',
    '| Fruit | Count | Colour | Origin | Season | Notes on storage and ripening |',
    '|:------|------:|--------|--------|--------|-------------------------------|',
    '| apple | 3 | red | Normandy | autumn | keeps for weeks somewhere cool and dark |',
    '| pear | 10 | green | Anjou | autumn | ripens on the counter, then the fridge |',
    '',
    `\`\`\`python\n${CODE}print("a line long enough to scroll sideways in a narrow panel, and then some more")\n\`\`\``,
    '',
    'Done.',
  ].join('\n');
}

/** The panel's own colour scheme as the page sees it (the root's used color-scheme). */
export const usedScheme = (): string => getComputedStyle(document.documentElement).colorScheme;

export function a11yScenarios(launch: () => Promise<ExtensionHost>): void {
  let host: ExtensionHost;
  let sim: Simulator;
  let panel: PanelDriver | null = null;
  let report: AxeReport;

  const open = async (theme: Theme, extra: Partial<PanelSettings> = {}) => {
    const settings = { baseUrl: sim.url, defaultModel: 'llama3.2', theme, ...extra };
    panel = await openConfiguredPanel(host, settings);
    await panel.page.setViewport({ width: 400, height: 800 });
    return panel;
  };
  const scan = async (p: PanelDriver, state: string) => {
    const result = await scanPage(p.page);
    report.add(state, result);
    expect(blocking(result), state).toEqual([]);
    return result;
  };

  beforeAll(async () => {
    host = await launch();
    report = new AxeReport(host.name);
    sim = await startSimulator({ tokensPerSecond: 400, replyTokens: 30, seed: 5 });
  });
  afterAll(async () => {
    report?.print();
    await host?.close();
    await sim?.close();
  });
  beforeEach(async () => {
    await sim.setFaults({});
    sim.configure({ tokensPerSecond: 400, replyTokens: 30, reply: undefined });
  });
  afterEach(async () => {
    await panel?.page.close().catch(() => {});
    panel = null;
  });

  for (const scheme of ['light', 'dark'] as const) {
    it(`${scheme}: the empty chat, a markdown answer, and one still streaming`, async () => {
      const p = await open(scheme);
      await p.waitForStatus('Connected');
      expect(await p.page.evaluate(usedScheme)).toBe(scheme);
      await scan(p, `empty chat, ${scheme}`);

      sim.configure({ reply: richReply });
      await p.ask('Show me everything');
      expect(await p.waitForReplyEnd(0)).toBe('done');
      await p.page.waitForSelector(`${SEL.assistant} .md-code code span[class^="hljs-"]`);
      await scan(p, `markdown answer, ${scheme}`);

      sim.configure({ reply: undefined, tokensPerSecond: 8, replyTokens: 400 });
      await p.ask('Take your time');
      await p.waitForReplyText(1, (t) => t.length > 10);
      expect(await p.page.$$eval(SEL.assistant, (a) => a[1]?.getAttribute('data-status'))).toBe('streaming');
      await scan(p, `streaming, ${scheme}`);
      await p.page.click(SEL.stop);
      expect(await p.waitForReplyEnd(1)).toBe('stopped');
    });

    it(`${scheme}: History with its menu open, Settings, and Models`, async () => {
      const p = await open(scheme);
      await p.waitForStatus('Connected');
      await p.ask('Apples are red');
      await p.waitForReplyEnd(0);
      await p.page.click(SEL.newChat);
      await p.ask('Bananas are yellow');
      await p.waitForReplyEnd(0);
      await p.page.click('button[aria-label="History"]');
      await p.page.waitForSelector('.history-title');
      await p.page.click('.history-item summary');
      await p.page.waitForSelector('.history-actions button');
      await scan(p, `History, menu open, ${scheme}`);

      await p.page.click(SEL.settings);
      await p.page.waitForSelector('::-p-aria([role="combobox"][name="Theme"])');
      await scan(p, `Settings, ${scheme}`);

      // Models: a model in memory (Unload) and a delete waiting for its confirmation.
      await p.page.click('button[aria-label="Models"]');
      await p.page.waitForSelector('button[aria-label="Unload llama3.2:latest"]');
      await p.page.click('button[aria-label="Delete llama3:latest"]');
      await scan(p, `Models, ${scheme}`);

      await p.page.click(SEL.settings);
      await p.page.waitForSelector('::-p-aria([role="combobox"][name="Theme"])');
      // Issue 14's parts: a preset, a model's own parameters, and the header's System prompt editor.
      await p.page.click('::-p-text(Add preset)');
      const model = await p.page.$eval('select#override-model option:nth-child(2)', (o) => (o as HTMLOptionElement).value);
      await p.page.select('select#override-model', model);
      await p.page.waitForSelector('#param-model-temperature');
      await p.page.click('button[aria-label="System prompt"]');
      await p.page.waitForSelector('#conversation-system');
      await scan(p, `Settings with a preset and a model's parameters, and the System prompt editor, ${scheme}`);
    });

    it(`${scheme}: Ollama down, and a 403`, async () => {
      await sim.setFaults({ refuse: true });
      const p = await open(scheme);
      await p.waitForStatus('Disconnected');
      await p.waitForBanner('Cannot connect to Ollama server');
      await scan(p, `Ollama down, ${scheme}`);
      await p.page.close();

      await sim.setFaults({});
      const q = await open(scheme);
      await q.waitForStatus('Connected');
      await removeOriginRule(q.page);
      await q.ask('Forbidden?');
      expect(await q.waitForReplyEnd(0)).toBe('failed');
      await q.waitForBanner('OLLAMA_ORIGINS');
      await scan(q, `403, ${scheme}`);
    });
  }

  it('the keyboard reaches a code block and a wide table to scroll them, and every stop shows the focus ring', async () => {
    sim.configure({ reply: richReply });
    const p = await open('light');
    await p.waitForStatus('Connected');
    await p.ask('Tab through me');
    expect(await p.waitForReplyEnd(0)).toBe('done');
    const focused = () =>
      p.page.evaluate(() => {
        const e = document.activeElement as HTMLElement;
        const s = getComputedStyle(e);
        return {
          label: e.getAttribute('aria-label') ?? e.textContent?.trim().slice(0, 20),
          ring: s.outlineStyle !== 'none' && Number.parseFloat(s.outlineWidth) >= 2,
          wide: e.scrollWidth > e.clientWidth,
        };
      });
    // From the link before the table, forward: the table's box, the code's Copy, the code itself.
    await p.page.focus(`${SEL.assistant} a[href]`);
    const stops = [];
    for (let i = 0; i < 3; i++) {
      await p.page.keyboard.press('Tab');
      stops.push(await focused());
    }
    expect(stops).toEqual([
      { label: 'Table', ring: true, wide: true },
      { label: 'Copy code', ring: true, wide: false },
      { label: 'Code, python', ring: true, wide: true },
    ]);
    // Arrow keys scroll what has the focus.
    const scrolled = () => p.page.evaluate(() => document.activeElement?.scrollLeft ?? 0);
    expect(await scrolled()).toBe(0);
    await p.page.keyboard.press('ArrowRight');
    await expect.poll(scrolled).toBeGreaterThan(0);
  });

  it('text reads at 14 px or more: the body, the messages, the message box', async () => {
    sim.configure({ reply: richReply });
    const p = await open('system');
    await p.waitForStatus('Connected');
    await p.ask('Sizes?');
    expect(await p.waitForReplyEnd(0)).toBe('done');
    const sizes = await p.page.evaluate(() =>
      ['body', 'article[aria-label="You"]', 'article[aria-label="Assistant"] p', 'article[aria-label="Assistant"] li', 'textarea[aria-label="Message"]'].map(
        (sel) => {
          const e = document.querySelector(sel);
          return { sel, px: e ? Number.parseFloat(getComputedStyle(e).fontSize) : 0 };
        },
      ),
    );
    for (const { sel, px } of sizes) expect({ sel, ok: px >= 14 }, `${sel}: ${px}px`).toEqual({ sel, ok: true });
  });
}
