// @vitest-environment node
import { describe, expect, it, vi } from 'vitest';
import type { OllamaContext } from '../../../lib/background/context';
import { createContextLimits } from '../../../lib/background/context-limits';
import { createExchanges } from '../../../lib/background/exchanges';
import type { HistoryStore } from '../../../lib/history/store';
import type { ChatRequest } from '../../../lib/chat/request';
import type { ChatPiece, ModelFacts, OllamaApi } from '../../../lib/ollama/client';
import type { BackgroundMessage, PanelMessage } from '../../../lib/protocol';
import { DEFAULT_SETTINGS, type Settings } from '../../../lib/settings';

const start: Extract<PanelMessage, { type: 'chat/start' }> = {
  type: 'chat/start',
  requestId: 'r1',
  model: 'llama3.2',
  conversation: { id: 'conv-1-aaaaaaaaa' },
  base: null,
  history: [{ role: 'user', content: 'q', timestamp: 't' }],
};

/** An Ollama whose /api/show answers `show` (absent: the api has no show), recording what chat was sent. */
function ollama(show?: () => Promise<ModelFacts>) {
  const sent: (Omit<ChatRequest, 'messages'> | undefined)[] = [];
  const api: OllamaApi = {
    listModels: async () => [],
    version: async () => null,
    ...(show ? { show: vi.fn(show) } : {}),
    async *chat(_model, _messages, _signal, extra): AsyncGenerator<ChatPiece> {
      sent.push(extra);
      yield { kind: 'chunk', content: 'hi' };
      yield { kind: 'done', info: { doneReason: 'stop', model: 'llama3.2' } };
    },
  };
  return { api, sent };
}

async function chat(api: OllamaApi, parameters: Settings['parameters']) {
  const saved: { messages: { stats?: unknown }[] }[] = [];
  const store = {
    save: vi.fn(async (d: (typeof saved)[number]) => {
      saved.push(d);
      return d;
    }),
  } as unknown as HistoryStore;
  const seen: BackgroundMessage[] = [];
  const ctx: OllamaContext = { api, settings: { ...DEFAULT_SETTINGS, parameters } };
  await createExchanges({ store, broadcastProblem: vi.fn() }).start(start, ctx, (m) => seen.push(m), vi.fn());
  const done = seen.find((m) => m.type === 'chat/done');
  return { stats: saved.at(-1)?.messages.at(-1)?.stats, done: done?.type === 'chat/done' ? done.stats : undefined };
}

describe('the request path caps num_ctx at the model’s maximum', () => {
  it('32768 set, model maximum 8192 → 8192 is sent, and the reply (saved and told) says so', async () => {
    const { api, sent } = ollama(async () => ({ contextLength: 8192, capabilities: [] }));
    const r = await chat(api, { num_ctx: 32768, temperature: 0.5 });
    expect(sent).toEqual([{ options: { num_ctx: 8192, temperature: 0.5 } }]);
    expect(r.stats).toMatchObject({ numCtxAsked: 32768, numCtxCappedTo: 8192 });
    expect(r.done).toEqual(r.stats);
  });

  it('sends the setting unchanged when /api/show fails, does not say, or cannot be asked', async () => {
    const cases = [ollama(async () => Promise.reject(new TypeError('Failed to fetch'))), ollama(async () => ({ capabilities: [] })), ollama()];
    for (const { api, sent } of cases) {
      const r = await chat(api, { num_ctx: 32768 });
      expect(sent).toEqual([{ options: { num_ctx: 32768 } }]);
      expect(r.stats).not.toHaveProperty('numCtxCappedTo');
      expect(r.stats).not.toHaveProperty('numCtxAsked');
    }
  });

  it('asks nothing when no Context length is set, and caps nothing at or under the maximum', async () => {
    const none = ollama(async () => ({ contextLength: 8192, capabilities: [] }));
    await chat(none.api, {});
    expect(none.api.show).not.toHaveBeenCalled();
    const under = ollama(async () => ({ contextLength: 8192, capabilities: [] }));
    const r = await chat(under.api, { num_ctx: 8192 });
    expect(under.sent).toEqual([{ options: { num_ctx: 8192 } }]);
    expect(r.stats).not.toHaveProperty('numCtxCappedTo');
  });
});

describe('Stop while the maximum is being asked', () => {
  it('ends the reply as stopped, and nothing is sent to /api/chat', async () => {
    let answer: (f: ModelFacts) => void = () => {};
    const { api, sent } = ollama(() => new Promise<ModelFacts>((resolve) => (answer = resolve)));
    const store = { save: vi.fn(async (d: unknown) => d) } as unknown as HistoryStore;
    const seen: BackgroundMessage[] = [];
    const ex = createExchanges({ store, broadcastProblem: vi.fn() });
    const ctx: OllamaContext = { api, settings: { ...DEFAULT_SETTINGS, parameters: { num_ctx: 32768 } } };
    const done = ex.start(start, ctx, (m) => seen.push(m), vi.fn());
    await vi.waitFor(() => expect(api.show).toHaveBeenCalled());
    ex.stop('r1');
    answer({ contextLength: 8192, capabilities: [] });
    await done;
    expect(sent).toEqual([]);
    expect(seen.map((m) => m.type)).toEqual(['chat/stopped']);
  });
});

describe('createContextLimits', () => {
  const ctx = (api: OllamaApi, id: string, baseUrl = 'http://127.0.0.1:11434'): OllamaContext => ({
    api,
    settings: { ...DEFAULT_SETTINGS, baseUrl },
    connection: { id, name: id, baseUrl, headers: [] },
  });

  it('asks /api/show once per connection and model', async () => {
    const { api } = ollama(async () => ({ contextLength: 8192, capabilities: [] }));
    const limits = createContextLimits();
    expect(await limits.of(ctx(api, 'local'), 'llama3.2')).toBe(8192);
    expect(await limits.of(ctx(api, 'local'), 'llama3.2')).toBe(8192);
    expect(api.show).toHaveBeenCalledTimes(1);
    await limits.of(ctx(api, 'local'), 'qwen3');
    await limits.of(ctx(api, 'gpu'), 'llama3.2');
    await limits.of(ctx(api, 'local', 'http://127.0.0.1:11500'), 'llama3.2');
    expect(api.show).toHaveBeenCalledTimes(4);
  });

  it('remembers an answer without a maximum, but asks again after a failure', async () => {
    const silent = ollama(async () => ({ capabilities: [] }));
    const limits = createContextLimits();
    expect(await limits.of(ctx(silent.api, 'local'), 'm')).toBeUndefined();
    expect(await limits.of(ctx(silent.api, 'local'), 'm')).toBeUndefined();
    expect(silent.api.show).toHaveBeenCalledTimes(1);
    let fail = true;
    const flaky = ollama(async () => (fail ? Promise.reject(new Error('down')) : { contextLength: 4096, capabilities: [] }));
    expect(await limits.of(ctx(flaky.api, 'x'), 'm')).toBeUndefined();
    fail = false;
    expect(await limits.of(ctx(flaky.api, 'x'), 'm')).toBe(4096);
  });
});
