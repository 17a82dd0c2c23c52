/**
 * System prompts and parameters (issue 14) in every browser, against the simulator's request log:
 * a preset made in Settings and picked in the header becomes the request's first message, the
 * conversation keeps its own prompt when reopened, and the parameters reach options/keep_alive.
 */
import type { Page } from 'puppeteer';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type Simulator, startSimulator } from '../../sim/server.mjs';
import { stored } from './history-scenarios';
import { type ExtensionHost, openConfiguredPanel, storedSettings } from './host';
import { SEL } from './panel';

const FORM = 'form[aria-label="Settings"]';
const SYSTEM_BUTTON = '.header button[aria-label="System prompt"]';
const EDITOR = '#conversation-system';
const MODEL = 'llama3.2:latest';

/** Replaces a field's text the way typing does (an input event), in either browser. */
async function fill(page: Page, selector: string, value: string): Promise<void> {
  await page.waitForSelector(selector);
  await page.$eval(
    selector,
    (el, v) => {
      (el as HTMLInputElement).value = v;
      el.dispatchEvent(new Event('input', { bubbles: true }));
    },
    value,
  );
}

const fieldValue = (page: Page, selector: string) => page.$eval(selector, (e) => (e as HTMLInputElement).value);

type ChatBody = { messages: { role: string; content: string }[]; options?: Record<string, unknown>; keep_alive?: unknown };
const chatBodies = (sim: Simulator) => sim.requests.filter((r) => r.path === '/api/chat').map((r) => r.body as ChatBody);

export function promptsScenarios(launch: () => Promise<ExtensionHost>): void {
  let host: ExtensionHost;
  let sim: Simulator;
  beforeAll(async () => {
    [host, sim] = await Promise.all([launch(), startSimulator()]);
  });
  afterAll(async () => {
    await host?.close();
    await sim?.close();
  });

  it('a preset made in Settings and picked in the header is the request’s first message, saved with the conversation, kept on reopening', async () => {
    const p = await openConfiguredPanel(host, { baseUrl: sim.url, defaultModel: MODEL, systemPrompt: 'Be brief.' } as never, MODEL);
    await p.waitForStatus('Connected');
    const page = p.page;

    // Settings: the default prompt is there; a new preset is named and saved.
    await page.click(SEL.settings);
    await page.waitForFunction((f) => (document.querySelector(`${f} textarea`) as HTMLTextAreaElement | null)?.value === 'Be brief.', {}, FORM);
    await page.click('::-p-text(Add preset)');
    await fill(page, 'input[aria-label="Preset 1 name"]', 'Pirate');
    await fill(page, 'textarea[aria-label="Preset 1 text"]', 'Talk like a pirate.');
    await page.click(`${FORM} button[type="submit"]`);
    await expect
      .poll(async () => ((await storedSettings(page)) as { promptPresets?: unknown }).promptPresets, { timeout: 5_000 })
      .toEqual([{ id: expect.any(String), name: 'Pirate', text: 'Talk like a pirate.' }]);
    await page.click('::-p-text(Back to chat)');

    // No prompt of its own: the default goes first.
    await p.ask('First question');
    expect(await p.waitForReplyEnd(0)).toBe('done');
    expect(chatBodies(sim).at(-1)?.messages).toEqual([
      { role: 'system', content: 'Be brief.' },
      { role: 'user', content: 'First question' },
    ]);

    // The conversation's own prompt, from the preset picker.
    await page.click(SYSTEM_BUTTON);
    await page.waitForSelector('select#use-preset');
    await page.select('select#use-preset', (await page.$eval('select#use-preset option:nth-child(2)', (o) => (o as HTMLOptionElement).value)) ?? '');
    expect(await fieldValue(page, EDITOR)).toBe('Talk like a pirate.');
    await p.ask('Second question');
    expect(await p.waitForReplyEnd(1)).toBe('done');
    const second = chatBodies(sim).at(-1)?.messages ?? [];
    expect(second[0]).toEqual({ role: 'system', content: 'Talk like a pirate.' });
    expect(second.filter((m) => m.role === 'system')).toHaveLength(1);
    const [conv] = await stored(page);
    expect(conv).toMatchObject({ system: 'Talk like a pirate.' });
    expect(conv?.messages.map((m) => m.role)).toEqual(['user', 'assistant', 'user', 'assistant']);

    // A new chat has none; reopening the conversation brings its own back, and it is sent again.
    await page.click(SEL.newChat);
    expect(await fieldValue(page, EDITOR)).toBe('');
    await page.click('button[aria-label="History"]');
    await page.waitForSelector('.history-open');
    await page.$$eval('.history-open', (bs) => (bs.find((b) => b.textContent?.includes('First question')) as HTMLElement).click());
    await p.waitForReplyEnd(1);
    if (!(await page.$(EDITOR))) await page.click(SYSTEM_BUTTON);
    await page.waitForFunction((sel) => (document.querySelector(sel) as HTMLTextAreaElement | null)?.value === 'Talk like a pirate.', {}, EDITOR);
    await p.ask('Third question');
    expect(await p.waitForReplyEnd(2)).toBe('done');
    expect(chatBodies(sim).at(-1)?.messages[0]).toEqual({ role: 'system', content: 'Talk like a pirate.' });
    await page.close();
  });

  it('parameters set in Settings reach options and keep_alive; a model’s override wins field by field', async () => {
    const p = await openConfiguredPanel(host, { baseUrl: sim.url, defaultModel: MODEL }, MODEL);
    await p.waitForStatus('Connected');
    const page = p.page;
    await page.click(SEL.settings);
    // The selected model's maximum, from /api/show, next to the exactly labelled field.
    await page.waitForFunction(
      () => document.querySelector('#param-default-num_ctx-hint')?.textContent === "max 131072 for llama3.2:latest; capped at each model's maximum",
    );
    const label = (id: string) => page.$eval(`label[for="${id}"] > span`, (s) => s.textContent);
    expect(await label('param-default-temperature')).toBe('Temperature');
    expect(await label('param-default-num_ctx')).toBe('Context length');
    expect(await label('param-default-keep_alive')).toBe('Keep alive');
    await fill(page, '#param-default-temperature', '0.3');
    await fill(page, '#param-default-top_p', '0.8');
    await fill(page, '#param-default-seed', '42');
    await fill(page, '#param-default-num_ctx', '4096');
    await fill(page, '#param-default-keep_alive', '-1');
    await page.select('select#override-model', MODEL);
    await fill(page, '#param-model-temperature', '0.1');
    await fill(page, '#param-model-keep_alive', '10m');
    await page.click(`${FORM} button[type="submit"]`);
    await expect
      .poll(async () => (await storedSettings(page)) as Record<string, unknown>, { timeout: 5_000 })
      .toMatchObject({
        parameters: { temperature: 0.3, top_p: 0.8, seed: 42, num_ctx: 4096, keep_alive: '-1' },
        modelParameters: { [MODEL]: { temperature: 0.1, keep_alive: '10m' } },
      });

    // Out of range for this model: refused, named by its label, nothing saved.
    await fill(page, '#param-model-num_ctx', '200000');
    await page.click(`${FORM} button[type="submit"]`);
    await page.waitForFunction(() =>
      document.querySelector('#settings-error')?.textContent?.includes('Context length must be a whole number from 256 to 131072'),
    );
    await fill(page, '#param-model-num_ctx', '');
    await page.click('::-p-text(Back to chat)');

    await p.ask('Tune me');
    expect(await p.waitForReplyEnd(0)).toBe('done');
    const body = chatBodies(sim).at(-1);
    expect(body?.options).toEqual({ temperature: 0.1, top_p: 0.8, seed: 42, num_ctx: 4096 });
    expect(body?.keep_alive).toBe('10m');
    await page.close();
  });

  it('a Context length above a model’s maximum is sent as that maximum and said under the reply; an unknown maximum sends it as set', async () => {
    // /api/show says 8192 for one model and nothing for the other.
    const small = await startSimulator({
      models: [
        { name: 'tiny:8k', family: 'llama', contextLength: 8192 },
        { name: 'mystery:latest', family: 'llama', contextLength: null },
      ],
    });
    try {
      const p = await openConfiguredPanel(host, { baseUrl: small.url, defaultModel: 'tiny:8k' }, 'tiny:8k');
      await p.waitForStatus('Connected');
      const page = p.page;
      await page.click(SEL.settings);
      await page.waitForFunction(
        () => document.querySelector('#param-default-num_ctx-hint')?.textContent === "max 8192 for tiny:8k; capped at each model's maximum",
      );
      await fill(page, '#param-default-num_ctx', '32768');
      await page.click(`${FORM} button[type="submit"]`);
      await expect
        .poll(async () => (await storedSettings(page)) as Record<string, unknown>, { timeout: 5_000 })
        .toMatchObject({ parameters: { num_ctx: 32768 } });
      await page.click('::-p-text(Back to chat)');

      await p.ask('Fit me');
      expect(await p.waitForReplyEnd(0)).toBe('done');
      expect(chatBodies(small).at(-1)?.options).toEqual({ num_ctx: 8192 });
      const warnings = (n: number) => page.$$eval(SEL.assistant, (a, i) => [...(a[i]?.querySelectorAll('.reply-warning') ?? [])].map((w) => w.textContent), n);
      await expect.poll(() => warnings(0), { timeout: 5_000 }).toEqual(['Context length 32,768 is more than tiny:8k can use; 8,192 was used.']);

      await p.selectModel('mystery:latest');
      await p.ask('And you?');
      expect(await p.waitForReplyEnd(1)).toBe('done');
      expect(chatBodies(small).at(-1)?.options).toEqual({ num_ctx: 32768 });
      await page.waitForFunction((sel) => document.querySelectorAll(`${sel} .reply-footer`).length === 2, { timeout: 5_000 }, SEL.assistant);
      expect(await warnings(1)).toEqual([]);
      await page.close();
    } finally {
      await small.close();
    }
  });
}
