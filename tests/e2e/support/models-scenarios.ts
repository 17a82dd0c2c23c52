/**
 * The Models view in every browser, against the simulator's /api/pull, /api/delete, /api/ps and
 * keep_alive 0: a pull with its progress, the panel closed mid-pull and reopened (progress shown
 * again), cancel then resume, Ollama's error words, delete with a confirmation, unload; and the
 * welcome's "no models" step pulling llama3.2:1b.
 */
import type { Page } from 'puppeteer';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { DEFAULT_MODELS } from '../../sim/models.mjs';
import { type Simulator, startSimulator } from '../../sim/server.mjs';
import { type ExtensionHost, openConfiguredPanel } from './host';
import type { PanelDriver } from './panel';

export const VIEW = 'section[aria-label="Models"]';
export const PULL = (name: string) => `section[aria-label="Pull of ${name}"]`;
const NEW = 'llama3.2:1b';

const textOf = (page: Page, sel: string) => page.$eval(sel, (e) => e.textContent ?? '').catch(() => '');

export async function waitForText(page: Page, sel: string, includes: string, timeout = 15_000): Promise<void> {
  await page.waitForFunction((s, t) => document.querySelector(s)?.textContent?.includes(t), { timeout }, sel, includes);
}

/** The overall % a pull's progress shows, once it shows one. */
export async function shownPercent(page: Page, name: string, atLeast = 0): Promise<number> {
  const handle = await page.waitForFunction(
    (s, min) => {
      const m = /\((\d+)%\)/.exec(document.querySelector(`${s} .pull-facts`)?.textContent ?? '');
      return m && Number(m[1]) >= min ? Number(m[1]) : false;
    },
    { timeout: 15_000 },
    PULL(name),
    atLeast,
  );
  return (await handle.jsonValue()) as number;
}

export async function openModels(p: PanelDriver): Promise<void> {
  await p.page.click('button[aria-label="Models"]');
  await p.page.waitForSelector(`${VIEW} input[aria-label="Model to pull"]`);
}

export async function startPull(p: PanelDriver, name: string): Promise<void> {
  await p.page.type(`${VIEW} input[aria-label="Model to pull"]`, name);
  await p.page.click(`${VIEW} ::-p-text(Pull model)`);
}

export function modelsScenarios(launch: () => Promise<ExtensionHost>): void {
  let host: ExtensionHost;
  let sim: Simulator;
  let panel: PanelDriver | null = null;
  const open = async () => {
    panel = await openConfiguredPanel(host, { baseUrl: sim.url, defaultModel: 'llama3.2' });
    await panel.waitForStatus('Connected');
    return panel;
  };

  beforeAll(async () => {
    host = await launch();
    sim = await startSimulator({ tokensPerSecond: 400, replyTokens: 10 });
  });
  afterAll(async () => {
    await host?.close();
    await sim?.close();
  });
  afterEach(async () => {
    await panel?.page.close().catch(() => {});
    panel = null;
    await sim.setFaults({});
    sim.configure({ models: DEFAULT_MODELS, pullMs: 1000 });
  });

  it('Pull model: progress per layer and overall, then the model is listed and in the model picker', async () => {
    sim.configure({ pullMs: 2500 });
    const p = await open();
    await openModels(p);
    await startPull(p, NEW);
    const pct = await shownPercent(p.page, NEW, 1);
    expect(pct).toBeLessThan(100);
    const shown = await textOf(p.page, PULL(NEW));
    expect(shown).toMatch(/pulling [0-9a-f]{12}/);
    expect(shown).toMatch(/\d+(\.\d)? (MB|GB) of 1\.3 GB/);
    expect(shown).toMatch(/\/s/);
    expect(shown).toMatch(/left/);
    expect(await p.page.$$eval(`${PULL(NEW)} .pull-layers li`, (l) => l.length)).toBeGreaterThan(0);
    await waitForText(p.page, VIEW, `Pulled ${NEW}.`);
    expect(await p.page.$(PULL(NEW))).toBeNull();
    await p.page.waitForSelector(`${VIEW} li[aria-label="${NEW}"]`);
    await p.page.waitForFunction(
      (n) => [...document.querySelectorAll('select[aria-label="Model"] option')].some((o) => (o as HTMLOptionElement).value === n),
      { timeout: 10_000 },
      NEW,
    );
  });

  it('the panel closed mid-pull and reopened shows the pull progress again; the pull ends', async () => {
    sim.configure({ pullMs: 4000 });
    const pulls = () => sim.requests.filter((r) => r.path === '/api/pull').length;
    const pullsBefore = pulls();
    const p = await open();
    await openModels(p);
    await startPull(p, NEW);
    const before = await shownPercent(p.page, NEW, 1);
    await p.page.close();
    const again = await open();
    await openModels(again);
    expect(await shownPercent(again.page, NEW, before)).toBeGreaterThanOrEqual(before);
    await waitForText(again.page, VIEW, `Pulled ${NEW}.`, 20_000);
    // The same pull went on in the background: not started again.
    expect(pulls() - pullsBefore).toBe(1);
  });

  it('Cancel stops the pull; pulling again resumes from the bytes fetched; an unknown model shows Ollama’s words', async () => {
    sim.configure({ pullMs: 4000 });
    const p = await open();
    await openModels(p);
    await startPull(p, NEW);
    const stoppedAt = await shownPercent(p.page, NEW, 10);
    await p.page.click(`button[aria-label="Cancel pull of ${NEW}"]`);
    await waitForText(p.page, VIEW, `Pull of ${NEW} cancelled`);
    await p.page.click(`${VIEW} ::-p-text(Pull model)`);
    // The first figure shown is where the cancelled pull stopped, not 0.
    expect(await shownPercent(p.page, NEW)).toBeGreaterThanOrEqual(stoppedAt);
    await waitForText(p.page, VIEW, `Pulled ${NEW}.`, 20_000);

    await p.page.click(`${VIEW} input[aria-label="Model to pull"]`, { count: 3 });
    await p.page.keyboard.press('Backspace');
    await startPull(p, 'nope:1b');
    await waitForText(p.page, `${VIEW} [role="alert"]`, 'pull model manifest: file does not exist');
  });

  it('Delete <name> asks first; the confirming Delete removes it from the list and the model picker', async () => {
    const p = await open();
    await openModels(p);
    await p.page.waitForSelector(`${VIEW} li[aria-label="llama3:latest"]`);
    await p.page.click('button[aria-label="Delete llama3:latest"]');
    expect(sim.requests.some((r) => r.path === '/api/delete')).toBe(false);
    await p.page.click(`${VIEW} li[aria-label="llama3:latest"] ::-p-text(Delete)`);
    await waitForText(p.page, VIEW, 'Deleted llama3:latest.');
    await p.page.waitForFunction((v) => !document.querySelector(`${v} li[aria-label="llama3:latest"]`), { timeout: 10_000 }, VIEW);
    await p.page.waitForFunction(
      () => ![...document.querySelectorAll('select[aria-label="Model"] option')].some((o) => (o as HTMLOptionElement).value === 'llama3:latest'),
      { timeout: 10_000 },
    );
  });

  it('a model in memory shows until when, and Unload (keep_alive 0) takes it out', async () => {
    const p = await open();
    await p.ask('Hello?');
    expect(await p.waitForReplyEnd(0)).toBe('done');
    await openModels(p);
    await waitForText(p.page, `${VIEW} li[aria-label="llama3.2:latest"]`, 'In memory');
    await p.page.click('button[aria-label="Unload llama3.2:latest"]');
    await waitForText(p.page, VIEW, 'Unloaded llama3.2:latest.');
    await p.page.waitForFunction((v) => !document.querySelector(`${v} li[aria-label="llama3.2:latest"]`)?.textContent?.includes('In memory'), {}, VIEW);
    const unload = sim.requests.find((r) => r.path === '/api/generate');
    expect(unload?.body).toMatchObject({ model: 'llama3.2:latest', keep_alive: 0 });
  });

  it('no model installed: the welcome’s Pull model fetches llama3.2:1b with progress, then the chat is ready', async () => {
    sim.configure({ models: [], pullMs: 1500 });
    const p = await open();
    await p.page.click('section[aria-label="Welcome"] ::-p-text(Pull model)');
    await shownPercent(p.page, NEW);
    await p.page.waitForSelector('section[aria-label="Welcome"] .welcome-prompts button', { timeout: 20_000 });
    expect(await p.selectedModel()).toBe(NEW);
  });
}
