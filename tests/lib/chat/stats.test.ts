// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { readStats, statsFrom, tokensPerSecond } from '../../../lib/chat/stats';

describe('reply stats', () => {
  it('are built from the final chunk, keeping only what Ollama reported', () => {
    expect(
      statsFrom('asked', { doneReason: 'stop', model: 'llama3.2', evalCount: 10, evalDurationNs: 2e9, totalDurationNs: 3e9, promptEvalCount: 7, ttftMs: 120 }),
    ).toEqual({
      model: 'llama3.2',
      evalCount: 10,
      evalDurationNs: 2e9,
      totalDurationNs: 3e9,
      promptEvalCount: 7,
      ttftMs: 120,
    });
    // No model in the chunk: the one asked for. A missing or nonsense number is left out.
    expect(statsFrom('asked', { doneReason: 'stop', evalCount: Number.NaN })).toEqual({ model: 'asked' });
  });

  it('read back only when well formed, and only their known fields', () => {
    expect(readStats({ model: 'm', evalCount: 3, ttftMs: 0, extra: 'x' })).toEqual({ model: 'm', evalCount: 3, ttftMs: 0 });
    expect(readStats({ model: 'm', truncatedTo: 4096 })).toEqual({ model: 'm', truncatedTo: 4096 });
    expect(readStats({ model: 'm', numCtxAsked: 32768, numCtxCappedTo: 8192 })).toEqual({ model: 'm', numCtxAsked: 32768, numCtxCappedTo: 8192 });
    for (const bad of [
      null,
      'm',
      [],
      {},
      { model: '' },
      { model: 1 },
      { model: 'm', evalCount: -1 },
      { model: 'm', ttftMs: '5' },
      { model: 'm', truncatedTo: '4096' },
      { model: 'm', numCtxAsked: -1, numCtxCappedTo: 8192 },
      { model: 'm', numCtxAsked: 32768, numCtxCappedTo: '8192' },
      { model: 'm', totalDurationNs: Number.POSITIVE_INFINITY },
    ]) {
      expect(readStats(bad), JSON.stringify(bad)).toBeNull();
    }
  });

  it('tokens per second come from eval count and duration, when both are there', () => {
    expect(tokensPerSecond({ model: 'm', evalCount: 84, evalDurationNs: 2e9 })).toBe(42);
    expect(tokensPerSecond({ model: 'm', evalCount: 84 })).toBeNull();
    expect(tokensPerSecond({ model: 'm', evalCount: 0, evalDurationNs: 1 })).toBeNull();
  });
});
