/**
 * Layer 1 as wired in the background (no injected `ensure`): a refused request to a remote Ollama
 * must not make the native host start a local one. The host is reached through the browser's
 * sendNativeMessage, stubbed here.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createExchanges } from '../../../lib/background/exchanges';
import type { HistoryStore } from '../../../lib/history/store';
import type { ChatPiece, OllamaApi } from '../../../lib/ollama/client';
import type { BackgroundMessage, PanelMessage } from '../../../lib/protocol';
import { DEFAULT_SETTINGS } from '../../../lib/settings';

const store = { save: vi.fn(async (d: unknown) => d) } as unknown as HistoryStore;
const start: Extract<PanelMessage, { type: 'chat/start' }> = {
  type: 'chat/start',
  requestId: 'r1',
  model: 'm',
  conversation: { id: 'conv-1-aaaaaaaaa' },
  base: null,
  history: [{ role: 'user', content: 'q', timestamp: 't' }],
};

// Nothing listens: every call is refused the way fetch refuses.
const refused: OllamaApi = {
  listModels: async () => Promise.reject(new TypeError('Failed to fetch')),
  version: async () => null,
  // biome-ignore lint/correctness/useYield: it refuses before yielding anything, like fetch with nothing listening
  async *chat(): AsyncGenerator<ChatPiece> {
    throw new TypeError('Failed to fetch');
  },
};

type Runtime = { sendNativeMessage?: (name: string, msg: object) => Promise<unknown> };
const runtime = browser.runtime as unknown as Runtime;

async function ask(baseUrl: string) {
  const seen: BackgroundMessage[] = [];
  const ex = createExchanges({ store, broadcastProblem: vi.fn(), sleep: async () => {} });
  await ex.start(start, { api: refused, settings: { ...DEFAULT_SETTINGS, baseUrl, autoStart: true } }, (m) => seen.push(m), vi.fn());
  return seen;
}

describe('layer 1 with a remote Ollama', () => {
  let send: ReturnType<typeof vi.fn>;
  beforeEach(() => {
    fakeBrowser.reset();
    send = vi.fn(async () => ({ ok: true, started: true }));
    runtime.sendNativeMessage = send as Runtime['sendNativeMessage'];
  });
  afterEach(() => {
    delete runtime.sendNativeMessage;
  });

  it('local: the host is asked to start Ollama (so the stub does see calls)', async () => {
    await ask('http://localhost:11434');
    expect(send).toHaveBeenCalledWith('ollama_chat', { verb: 'start' });
  });

  it('remote: the host is never asked, and the failure says auto-start only starts a local Ollama', async () => {
    const seen = await ask('http://gpu.lan:11434');
    expect(send).not.toHaveBeenCalled();
    // No "trying to start it…" either: nothing is tried.
    expect(seen.map((m) => m.type)).toEqual(['chat/failed']);
    expect(seen.at(-1)).toEqual({
      type: 'chat/failed',
      requestId: 'r1',
      failure: {
        kind: 'refused',
        message: 'Ollama at gpu.lan:11434 is not answering. Auto-start only starts a local Ollama: start it on that machine, or check the URL in Settings.',
      },
    });
  });
});
