import { describe, expect, it, vi } from 'vitest';
import { startExchange } from '../../../lib/chat/exchange';
import type { ChatPiece, OllamaApi } from '../../../lib/ollama/client';

function sinkSpy() {
  return { chunk: vi.fn(), done: vi.fn(), stopped: vi.fn(), failed: vi.fn() };
}

// A fake stream that yields pieces, then waits for `release` or the abort signal.
function fakeApi(pieces: ChatPiece[], end: 'done' | 'hang' | Error = 'done'): OllamaApi {
  return {
    listModels: async () => [],
    version: async () => null,
    async *chat(_model, _messages, signal) {
      for (const p of pieces) yield p;
      if (end === 'done') {
        yield { kind: 'done', info: { doneReason: 'stop' } };
        return;
      }
      if (end instanceof Error) throw end;
      await new Promise((_, reject) => signal.addEventListener('abort', () => reject(signal.reason)));
    },
  };
}

const base = {
  baseUrl: 'http://localhost:11434',
  model: 'm',
  messages: [{ role: 'user' as const, content: 'hi' }],
  stallTimeoutMs: 60_000,
  firstTokenTimeoutMs: 60_000,
};

describe('exchange', () => {
  it('relays every chunk in order and ends with done once', async () => {
    const sink = sinkSpy();
    const ex = startExchange({
      ...base,
      sink,
      api: fakeApi([
        { kind: 'chunk', content: 'Hel' },
        { kind: 'chunk', content: 'lo', thinking: undefined },
      ]),
    });
    await ex.finished;
    expect(sink.chunk.mock.calls.map((c) => c[0])).toEqual(['Hel', 'lo']);
    expect(sink.done).toHaveBeenCalledTimes(1);
    expect(sink.failed).not.toHaveBeenCalled();
    expect(ex.text()).toBe('Hello');
  });

  it('stop keeps the partial text and reports stopped, not failed', async () => {
    const sink = sinkSpy();
    const ex = startExchange({ ...base, sink, api: fakeApi([{ kind: 'chunk', content: 'partial' }], 'hang') });
    await vi.waitFor(() => expect(sink.chunk).toHaveBeenCalled());
    ex.stop();
    await ex.finished;
    expect(sink.stopped).toHaveBeenCalledTimes(1);
    expect(sink.failed).not.toHaveBeenCalled();
    expect(ex.text()).toBe('partial');
  });

  it('a mid-stream error line fails with the server message', async () => {
    const sink = sinkSpy();
    await startExchange({ ...base, sink, api: fakeApi([{ kind: 'chunk', content: 'a' }], new Error('model crashed')) }).finished;
    expect(sink.failed).toHaveBeenCalledWith({ kind: 'server', message: 'Ollama error: model crashed' });
  });

  it('a stall is cancelled with a clear message', async () => {
    vi.useFakeTimers();
    try {
      const sink = sinkSpy();
      const ex = startExchange({ ...base, stallTimeoutMs: 500, sink, api: fakeApi([{ kind: 'chunk', content: 'a' }], 'hang') });
      await vi.advanceTimersByTimeAsync(600);
      await ex.finished;
      expect(sink.failed).toHaveBeenCalledWith(expect.objectContaining({ kind: 'stall' }));
      expect(ex.text()).toBe('a');
    } finally {
      vi.useRealTimers();
    }
  });

  it('a stream that ends without done is reported as lost', async () => {
    const sink = sinkSpy();
    const api: OllamaApi = {
      listModels: async () => [],
      version: async () => null,
      async *chat() {
        yield { kind: 'chunk', content: 'x' };
      },
    };
    await startExchange({ ...base, sink, api }).finished;
    expect(sink.failed).toHaveBeenCalledWith(expect.objectContaining({ kind: 'lost' }));
  });

  it('adds the time to the first content or thinking chunk to the done info', async () => {
    const sink = sinkSpy();
    let t = 1000;
    const api: OllamaApi = {
      listModels: async () => [],
      version: async () => null,
      async *chat() {
        t += 250; // the model loads
        yield { kind: 'chunk', content: '', thinking: 'hm' };
        t += 900;
        yield { kind: 'chunk', content: 'a' };
        yield { kind: 'done', info: { doneReason: 'stop', evalCount: 1 } };
      },
    };
    await startExchange({ ...base, sink, api, now: () => t }).finished;
    expect(sink.done).toHaveBeenCalledWith({ doneReason: 'stop', evalCount: 1, ttftMs: 250 });
  });

  it('a reply with no chunk at all has no time to first token', async () => {
    const sink = sinkSpy();
    await startExchange({ ...base, sink, api: fakeApi([]) }).finished;
    expect(sink.done).toHaveBeenCalledWith({ doneReason: 'stop' });
  });
});
