// @vitest-environment node
import { describe, expect, it, vi } from 'vitest';
import type { OllamaContext } from '../../../lib/background/context';
import { createExchanges } from '../../../lib/background/exchanges';
import type { HistoryStore } from '../../../lib/history/store';
import type { ChatPiece, OllamaApi } from '../../../lib/ollama/client';
import type { BackgroundMessage, PanelMessage } from '../../../lib/protocol';
import type { EnsureResult } from '../../../lib/recovery/ensure';
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

// Refuses the first `refusals` calls like fetch does when nothing listens, then answers.
function api(refusals: number): OllamaApi & { calls: number } {
  const a = {
    calls: 0,
    listModels: async () => [],
    version: async () => null,
    async *chat(): AsyncGenerator<ChatPiece> {
      a.calls++;
      if (a.calls <= refusals) throw new TypeError('Failed to fetch');
      yield { kind: 'chunk', content: 'hi' };
      yield { kind: 'done', info: { doneReason: 'stop' } };
    },
  };
  return a;
}

async function run(refusals: number, ensure: () => Promise<EnsureResult>, autoStart = true) {
  const a = api(refusals);
  const ctx: OllamaContext = { api: a, settings: { ...DEFAULT_SETTINGS, autoStart, retryDelayMs: 2000 } };
  const sleep = vi.fn(async () => {});
  const ensureSpy = vi.fn(ensure);
  const ex = createExchanges({ store, broadcastProblem: vi.fn(), ensure: ensureSpy, sleep });
  const seen: BackgroundMessage[] = [];
  const onConnectionFailure = vi.fn();
  await ex.start(start, ctx, (m) => seen.push(m), onConnectionFailure);
  return { seen, calls: a.calls, ensureSpy, sleep, onConnectionFailure };
}

describe('layer 1: a refused request is retried once after ensureOllamaRunning', () => {
  it('Ollama started → waits 2 s → the retry streams the reply', async () => {
    const r = await run(1, async () => ({ ok: true, started: true }));
    expect(r.calls).toBe(2);
    expect(r.sleep).toHaveBeenCalledWith(2000);
    expect(r.seen.map((m) => m.type)).toEqual(['chat/recovering', 'chat/chunk', 'chat/done']);
  });

  it('never loops: still refused after the retry → one failure', async () => {
    const r = await run(5, async () => ({ ok: true, started: true }));
    expect(r.calls).toBe(2);
    expect(r.ensureSpy).toHaveBeenCalledTimes(1);
    expect(r.seen.at(-1)).toMatchObject({ type: 'chat/failed', failure: { kind: 'refused' } });
    expect(r.onConnectionFailure).toHaveBeenCalled();
  });

  it('host not installed → the refusal message plus how to install it', async () => {
    const r = await run(1, async () => ({ ok: false, kind: 'not-installed', message: 'Install the helper: npm run host:install' }));
    expect(r.calls).toBe(1);
    const last = r.seen.at(-1);
    expect(last?.type === 'chat/failed' && last.failure.message).toMatch(/^Cannot connect to Ollama server.*Install the helper/);
  });

  it('start failed → "Failed to start Ollama: <reason>"', async () => {
    const r = await run(1, async () => ({ ok: false, kind: 'start-failed', message: 'Failed to start Ollama (exit code 1): boom' }));
    const last = r.seen.at(-1);
    expect(last?.type === 'chat/failed' && last.failure.message).toBe('Failed to start Ollama (exit code 1): boom');
  });

  it('a reason without the prefix gets it', async () => {
    const r = await run(1, async () => ({ ok: false, kind: 'start-failed', message: 'OLLAMA_START_COMMAND is not set' }));
    const last = r.seen.at(-1);
    expect(last?.type === 'chat/failed' && last.failure.message).toBe('Failed to start Ollama: OLLAMA_START_COMMAND is not set');
  });

  it('auto-start off → no host, one failure', async () => {
    const r = await run(1, async () => ({ ok: true, started: true }), false);
    expect(r.ensureSpy).not.toHaveBeenCalled();
    expect(r.seen.map((m) => m.type)).toEqual(['chat/failed']);
  });
});

describe('a finished reply’s stats', () => {
  it('are saved with the reply and sent in chat/done, with the time to first token', async () => {
    const saves: { messages: { stats?: unknown }[] }[] = [];
    const saving = {
      save: vi.fn(async (d: { messages: { stats?: unknown }[] }) => {
        saves.push(d);
        return d;
      }),
    } as unknown as HistoryStore;
    const answering: OllamaApi = {
      listModels: async () => [],
      version: async () => null,
      async *chat() {
        yield { kind: 'chunk', content: 'hi' };
        yield { kind: 'done', info: { doneReason: 'stop', model: 'llama3.2', evalCount: 84, evalDurationNs: 2e9, totalDurationNs: 3e9, promptEvalCount: 12 } };
      },
    };
    const seen: BackgroundMessage[] = [];
    const ex = createExchanges({ store: saving, broadcastProblem: vi.fn() });
    await ex.start(start, { api: answering, settings: DEFAULT_SETTINGS }, (m) => seen.push(m), vi.fn());
    const stats = saves.at(-1)?.messages.at(-1)?.stats;
    expect(stats).toMatchObject({ model: 'llama3.2', evalCount: 84, evalDurationNs: 2e9, totalDurationNs: 3e9, promptEvalCount: 12 });
    expect(stats).toHaveProperty('ttftMs', expect.any(Number));
    const done = seen.at(-1);
    expect(done?.type === 'chat/done' && done.stats).toEqual(stats);
    expect(stats).not.toHaveProperty('truncatedTo');
  });

  it('say so when Ollama read less than a prompt clearly longer than Context length', async () => {
    const saves: { messages: { stats?: unknown }[] }[] = [];
    const saving = {
      save: vi.fn(async (d: { messages: { stats?: unknown }[] }) => {
        saves.push(d);
        return d;
      }),
    } as unknown as HistoryStore;
    const cutting: OllamaApi = {
      listModels: async () => [],
      version: async () => null,
      async *chat() {
        yield { kind: 'chunk', content: 'hi' };
        yield { kind: 'done', info: { doneReason: 'stop', model: 'llama3.2', promptEvalCount: 512 } };
      },
    };
    const long = { ...start, history: [{ role: 'user' as const, content: 'x'.repeat(8000), timestamp: new Date().toISOString() }] };
    const settings = { ...DEFAULT_SETTINGS, parameters: { num_ctx: 512 } };
    await createExchanges({ store: saving, broadcastProblem: vi.fn() }).start(long, { api: cutting, settings }, vi.fn(), vi.fn());
    expect(saves.at(-1)?.messages.at(-1)?.stats).toMatchObject({ promptEvalCount: 512, truncatedTo: 512 });
  });
});
