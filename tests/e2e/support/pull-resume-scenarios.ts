/**
 * A model pull survives the background's restart (lib/background/pull-resume.ts): started in the
 * Models view, the background is stopped mid-pull (`restart`: however the browser at hand can),
 * and the restarted background asks the simulator for the pull again, a panel shows its progress
 * from where it stopped, and it completes. A cancelled pull is not resumed.
 */
import type { Page } from 'puppeteer';
import { expect } from 'vitest';
import { type Simulator, startSimulator } from '../../sim/server.mjs';
import { type ExtensionHost, openConfiguredPanel } from './host';
import { openModels, PULL, shownPercent, startPull, VIEW, waitForText } from './models-scenarios';
import { PanelDriver, SEL } from './panel';

// page.evaluate runs in the page: Chromium's extension API is `chrome`, Firefox's `browser`.
declare const chrome: typeof browser;

const NEW = 'llama3.2:1b';

/** Stops the running background; the panel given is the one that started the pull. */
export type RestartBackground = (host: ExtensionHost, panel: Page) => Promise<void>;

async function storedPulls(page: Page): Promise<unknown> {
  return page.evaluate(async () => {
    const api = typeof browser !== 'undefined' ? browser : chrome;
    return ((await api.storage.local.get('ollama_chat_pulls')) as { ollama_chat_pulls?: unknown }).ollama_chat_pulls;
  });
}

interface Setup {
  host: ExtensionHost;
  sim: Simulator;
  /** A panel on the simulator, connected. */
  p: PanelDriver;
  /** How many /api/pull requests the simulator has had. */
  pulls: () => number;
}

async function withHost(launch: () => Promise<ExtensionHost>, run: (s: Setup) => Promise<void>): Promise<void> {
  const host = await launch();
  const sim = await startSimulator({ tokensPerSecond: 400, replyTokens: 10, pullMs: 8000 });
  try {
    const p = await openConfiguredPanel(host, { baseUrl: sim.url, defaultModel: 'llama3.2' });
    await p.waitForStatus('Connected');
    await run({ host, sim, p, pulls: () => sim.requests.filter((r) => r.path === '/api/pull').length });
  } finally {
    await host.close();
    await sim.close();
  }
}

/** A fresh panel after the restart: opening it is also what wakes a stopped background. */
async function reopen(host: ExtensionHost): Promise<PanelDriver> {
  const q = new PanelDriver(await host.openPanel());
  await q.waitForStatus('Connected');
  await openModels(q);
  return q;
}

export async function pullResumesAfterRestart(launch: () => Promise<ExtensionHost>, restart: RestartBackground): Promise<void> {
  await withHost(launch, async ({ host, p, pulls }) => {
    await openModels(p);
    await startPull(p, NEW);
    const before = await shownPercent(p.page, NEW, 10);
    expect(await storedPulls(p.page)).toMatchObject([{ name: NEW, connection: 'local' }]);
    expect(pulls()).toBe(1);

    await restart(host, p.page);
    await p.page.close().catch(() => {});
    const q = await reopen(host);
    // The restarted background asked Ollama again, and the view shows it from the bytes already fetched.
    await expect.poll(pulls, { timeout: 15_000, interval: 100 }).toBe(2);
    expect(await shownPercent(q.page, NEW, before)).toBeGreaterThanOrEqual(before);
    await waitForText(q.page, VIEW, `Pulled ${NEW}.`, 30_000);
    expect(await q.page.$(PULL(NEW))).toBeNull();
    await q.page.waitForSelector(`${VIEW} li[aria-label="${NEW}"]`);
    expect(await storedPulls(q.page)).toEqual([]);
    expect(pulls()).toBe(2);
  });
}

export async function cancelledPullNotResumed(launch: () => Promise<ExtensionHost>, restart: RestartBackground): Promise<void> {
  await withHost(launch, async ({ host, p, pulls }) => {
    await openModels(p);
    await startPull(p, NEW);
    await shownPercent(p.page, NEW, 10);
    await p.page.click(`button[aria-label="Cancel pull of ${NEW}"]`);
    await waitForText(p.page, VIEW, `Pull of ${NEW} cancelled`);
    // The record's removal is a storage write issued at the click; the panel may say "cancelled" first.
    await expect.poll(() => storedPulls(p.page), { timeout: 5_000 }).toEqual([]);

    await restart(host, p.page);
    await p.page.close().catch(() => {});
    const q = await reopen(host);
    // The Models view's list comes from the restarted background, which resumes before it answers anything.
    await q.page.waitForSelector(`${VIEW} li[aria-label="llama3.2:latest"]`);
    expect(await q.page.$(PULL(NEW))).toBeNull();
    expect(pulls()).toBe(1);
  });
}

/**
 * After a browser restart Ollama is often not up yet: the pull recorded before it waits, still
 * recorded, and goes on once a connection check finds Ollama answering (here: the status clicked).
 */
export async function pullWaitsForOllama(launch: () => Promise<ExtensionHost>, restart: RestartBackground): Promise<void> {
  await withHost(launch, async ({ host, sim, p, pulls }) => {
    // What a background stopped mid-pull leaves behind (pullResumesAfterRestart makes it for real).
    await p.page.evaluate(async (name) => {
      const api = typeof browser !== 'undefined' ? browser : chrome;
      await api.storage.local.set({ ollama_chat_pulls: [{ name, connection: 'local', startedAt: Date.now() }] });
    }, NEW);
    await sim.setFaults({ refuse: true });
    await restart(host, p.page);
    await p.page.close().catch(() => {});

    const q = new PanelDriver(await host.openPanel());
    await q.waitForStatus('Disconnected');
    // Not started into a failure, which would have forgotten it.
    expect(await storedPulls(q.page)).toMatchObject([{ name: NEW, connection: 'local' }]);
    expect(pulls()).toBe(0);

    await sim.setFaults({});
    await q.page.click(SEL.status);
    await q.waitForStatus('Connected');
    await expect.poll(pulls, { timeout: 15_000, interval: 100 }).toBe(1);
    await openModels(q);
    await waitForText(q.page, VIEW, `Pulled ${NEW}.`, 30_000);
    await expect.poll(() => storedPulls(q.page), { timeout: 5_000 }).toEqual([]);
  });
}
