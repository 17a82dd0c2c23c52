/**
 * A real Ollama's slow moments, in a real browser: a 45 s model load before the first byte and a
 * 40 s pause mid-reply, longer than the 30 s after which Chrome stops an idle extension service
 * worker and Firefox suspends an idle event page. The reply must end complete and saved, with
 * the panel open all along, and with the panel closed during the wait.
 */
import { expect } from 'vitest';
import { defaultReply, type Simulator, startSimulator } from '../../sim/server.mjs';
import { stored } from './history-scenarios';
import { type ExtensionHost, openConfiguredPanel } from './host';
import { PanelDriver } from './panel';

export const LOAD_MS = 45_000;
export const PAUSE_MS = 40_000;
const TOKENS = 12;
/** Generous: load + pause + the reply itself, on a busy 2-core machine. */
export const LONG_TEST_MS = LOAD_MS + PAUSE_MS + 60_000;

async function slowOllama(): Promise<Simulator> {
  return startSimulator({
    tokensPerSecond: 20,
    replyTokens: TOKENS,
    firstTokenDelayMs: LOAD_MS,
    faults: { pauseAfterTokens: { n: 4, ms: PAUSE_MS } },
  });
}

const settings = (sim: Simulator) => ({ baseUrl: sim.url, defaultModel: 'llama3.2' });

/** Waits until the simulator has answered the chat completely (its stream closed). */
async function whenAnswered(sim: Simulator, timeout: number): Promise<void> {
  const deadline = Date.now() + timeout;
  while (Date.now() < deadline) {
    const chat = sim.requests.find((r) => r.path === '/api/chat');
    if (chat && sim.activeStreams() === 0) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error('the simulator never finished answering');
}

/** Panel open the whole time: the reply arrives after the load and the pause, and is saved. */
export async function slowReplyPanelOpen(launch: () => Promise<ExtensionHost>): Promise<void> {
  const [host, sim] = await Promise.all([launch(), slowOllama()]);
  try {
    const p = await openConfiguredPanel(host, settings(sim));
    await p.waitForStatus('Connected');
    await p.ask('Take your time');
    expect(await p.waitForReplyEnd(0, LONG_TEST_MS - 20_000)).toBe('done');
    const expected = defaultReply([{ role: 'user', content: 'Take your time' }], TOKENS);
    expect(await p.replyText(0)).toBe(expected);
    const [saved] = await stored(p.page);
    expect(saved?.messages.at(-1)).toMatchObject({ role: 'assistant', content: expected });
    expect(saved?.messages.at(-1)?.status).toBeUndefined();
  } finally {
    await host.close();
    await sim.close();
  }
}

/**
 * Panel closed right after sending: nothing but the background is left. Reopened after the
 * simulator finished, the panel shows the complete reply from storage. `afterwards` runs with
 * no panel open (e.g. to see the idle background stop).
 */
export async function slowReplyPanelClosed<H extends ExtensionHost>(launch: () => Promise<H>, afterwards?: (host: H) => Promise<void>): Promise<void> {
  const [host, sim] = await Promise.all([launch(), slowOllama()]);
  try {
    const p = await openConfiguredPanel(host, settings(sim));
    await p.waitForStatus('Connected');
    await p.ask('Take your time');
    // The question reached Ollama: from here only the background can save the reply.
    const deadline = Date.now() + 10_000;
    while (!sim.requests.some((r) => r.path === '/api/chat') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    await p.page.close();
    await whenAnswered(sim, LONG_TEST_MS - 30_000);
    if (afterwards) await afterwards(host);
    const q = new PanelDriver(await host.openPanel());
    expect(await q.waitForReplyEnd(0, 20_000)).toBe('done');
    const expected = defaultReply([{ role: 'user', content: 'Take your time' }], TOKENS);
    expect(await q.replyText(0)).toBe(expected);
    const [saved] = await stored(q.page);
    expect(saved?.messages.map((m) => [m.role, m.content, m.status])).toEqual([
      ['user', 'Take your time', undefined],
      ['assistant', expected, undefined],
    ]);
  } finally {
    await host.close();
    await sim.close();
  }
}
