/**
 * The empty chat's welcome and the banner's actions, in every browser: Ollama down (Copy command,
 * Retry, then example prompts), a 403 (the OLLAMA_ORIGINS fix copied), no model (the pull
 * command), a failed reply ("No reply" + Retry), and Start Ollama through the real native helper.
 */
import { existsSync } from 'node:fs';
import type { Page } from 'puppeteer';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { type Simulator, startSimulator } from '../../sim/server.mjs';
import { type ExtensionHost, openConfiguredPanel, removeOriginRule } from './host';
import type { PanelDriver } from './panel';
import { kill, simulatorCommand } from './recovery-scenarios';

const WELCOME = 'section[aria-label="Welcome"]';
const MODELS = [{ name: 'llama3.2:latest', family: 'llama', parameterSize: '3.2B', capabilities: ['completion'] }];
const INSTALL = 'npm run host:install -- --start-command "ollama serve"';
const ORIGINS = 'OLLAMA_ORIGINS=chrome-extension://*,moz-extension://* ollama serve';

declare global {
  interface Window {
    copied?: string[];
  }
}

/** Records what the page puts on the clipboard (and still puts it there): Firefox gives no page a clipboard read. */
async function recordCopies(page: Page): Promise<void> {
  await page.evaluate(() => {
    const clipboard = navigator.clipboard;
    const write = clipboard.writeText.bind(clipboard);
    window.copied = [];
    clipboard.writeText = (text: string) => {
      window.copied?.push(text);
      return write(text);
    };
  });
}

/** Waits for the button `label` inside `scope`, then clicks it. */
async function click(page: Page, scope: string, label: string): Promise<void> {
  const button = await page.waitForSelector(`${scope} ::-p-text(${label})`, { timeout: 15_000 });
  await button?.click();
}

/** Clicks the `nth` Copy command button inside `scope`, waits for its "Copied"; returns what was copied. */
async function copyFrom(page: Page, scope: string, nth = 0): Promise<string> {
  await recordCopies(page);
  const copies = await page.$$(`${scope} button[title]`);
  await copies[nth]?.click();
  await page.waitForFunction((s) => [...document.querySelectorAll(`${s} button`)].some((b) => b.textContent === 'Copied'), { timeout: 5000 }, scope);
  return page.evaluate(() => window.copied?.at(-1) ?? '');
}

const buttons = (page: Page, scope: string) => page.$$eval(`${scope} button`, (bs) => bs.map((b) => b.textContent ?? ''));
const text = (page: Page, sel: string) => page.$eval(sel, (e) => e.textContent ?? '').catch(() => '');

export function welcomeScenarios<H extends ExtensionHost>(launch: () => Promise<H>, install: (host: H, port: number, command: string) => void): void {
  let host: H;
  let sim: Simulator;
  let panel: PanelDriver | null = null;
  const pidFiles: string[] = [];
  // Chromium lets an extension page use the clipboard once granted (as a user's click would);
  // Firefox allows writing from a click and reading never, hence recordCopies.
  const open = async (baseUrl: string) => {
    const p = await openConfiguredPanel(host, { baseUrl, defaultModel: 'llama3.2' });
    if (host.name === 'chromium')
      await host
        .browser()
        .defaultBrowserContext()
        .overridePermissions(p.page.url().split('/').slice(0, 3).join('/'), ['clipboard-read', 'clipboard-write', 'clipboard-sanitized-write']);
    panel = p;
    return p;
  };

  beforeAll(async () => {
    host = await launch();
    sim = await startSimulator({ tokensPerSecond: 400, replyTokens: 20, models: MODELS });
  });
  afterAll(async () => {
    await host?.close();
    await sim?.close();
  });
  afterEach(async () => {
    await panel?.page.close().catch(() => {});
    panel = null;
    for (const f of pidFiles.splice(0)) kill(f);
    await sim.setFaults({});
    sim.configure({ models: MODELS });
  });

  it('Ollama down: the welcome says how to start it, the banner has Copy command and Retry; Ollama up, Retry: banner gone, example prompts', async () => {
    await sim.setFaults({ refuse: true });
    const p = await open(sim.url);
    await p.waitForStatus('Disconnected');
    // No helper in this browser profile: the install command, never Start Ollama.
    await p.page.waitForFunction((w, i) => document.querySelector(w)?.textContent?.includes(i), { timeout: 15_000 }, WELCOME, INSTALL);
    const welcome = await text(p.page, WELCOME);
    expect(welcome).toContain('ollama serve');
    expect(welcome).not.toContain('Start a conversation with your local LLM');
    await p.waitForBanner('Cannot connect to Ollama server');
    await p.page.waitForFunction(() => document.querySelectorAll('.banner-actions button').length === 2, { timeout: 10_000 });
    expect(await buttons(p.page, '.banner-actions')).toEqual(['Copy command', 'Retry']);
    expect(await buttons(p.page, WELCOME)).not.toContain('Start Ollama');
    expect(await copyFrom(p.page, '.banner-actions')).toBe(INSTALL);

    await sim.setFaults({});
    await click(p.page, '.banner-actions', 'Retry');
    await p.waitForStatus('Connected');
    await p.page.waitForFunction(() => !document.querySelector('.banner'), { timeout: 10_000 });
    await p.page.waitForFunction((w) => document.querySelectorAll(`${w} .welcome-prompts button`).length > 0, { timeout: 10_000 }, WELCOME);
    expect(await text(p.page, WELCOME)).toContain('Start a conversation with your local LLM');
    await p.page.click(`${WELCOME} .welcome-prompts button`);
    expect(await p.waitForReplyEnd(0)).toBe('done');
    expect(await p.page.$(WELCOME)).toBeNull();
  });

  it('403: Copy command puts the OLLAMA_ORIGINS fix on the clipboard and says Copied', async () => {
    const p = await open(sim.url);
    await p.waitForStatus('Connected');
    await removeOriginRule(p.page);
    await p.ask('Forbidden?');
    expect(await p.waitForReplyEnd(0)).toBe('failed');
    await p.waitForBanner('403');
    expect(await copyFrom(p.page, '.banner-actions')).toBe(ORIGINS);
    if (host.name === 'chromium') expect(await p.page.evaluate(() => navigator.clipboard.readText())).toBe(ORIGINS);
  });

  it('no model installed: the welcome gives the pull command, with Copy', async () => {
    sim.configure({ models: [] });
    const p = await open(sim.url);
    await p.waitForStatus('Connected');
    await p.page.waitForFunction((w) => document.querySelector(w)?.textContent?.includes('ollama pull llama3.2:1b'), { timeout: 15_000 }, WELCOME);
    expect(await copyFrom(p.page, WELCOME)).toBe('ollama pull llama3.2:1b');
  });

  it('a reply that fails before any text: the bubble says "No reply" with Retry, which then succeeds', async () => {
    await sim.setFaults({ status: { code: 500, body: '{"error":"model runner crashed"}' }, once: true });
    const p = await open(sim.url);
    await p.waitForStatus('Connected');
    await p.ask('Hello?');
    expect(await p.waitForReplyEnd(0)).toBe('failed');
    await p.waitForBanner('model runner crashed');
    const bubble = await text(p.page, 'article[aria-label="Assistant"]');
    expect(bubble).toContain('No reply');
    expect(bubble).not.toContain('model runner crashed');
    await click(p.page, 'article[aria-label="Assistant"]', 'Retry');
    expect(await p.waitForReplyEnd(0)).toBe('done');
    await p.page.waitForFunction(() => !document.querySelector('.banner'), { timeout: 5000 });
  });

  it('with the helper installed: Start Ollama (banner) starts it through the helper; the welcome offers it too', async () => {
    const cmd = await simulatorCommand();
    pidFiles.push(cmd.pidFile);
    install(host, cmd.port, cmd.command);
    const p = await open(`http://127.0.0.1:${cmd.port}`);
    await p.waitForStatus('Disconnected');
    await p.page.waitForFunction(() => [...document.querySelectorAll('.banner-actions button')].some((b) => b.textContent === 'Start Ollama'), {
      timeout: 15_000,
    });
    expect(await buttons(p.page, '.banner-actions')).toEqual(['Start Ollama', 'Retry']);
    expect(await buttons(p.page, WELCOME)).toContain('Start Ollama');
    await click(p.page, '.banner-actions', 'Start Ollama');
    await p.waitForBanner('Reconnected to Ollama', 30_000);
    await p.waitForStatus('Connected');
    expect(existsSync(cmd.pidFile)).toBe(true);
    await p.page.waitForFunction((w) => document.querySelectorAll(`${w} .welcome-prompts button`).length > 0, { timeout: 10_000 }, WELCOME);
  });
}
