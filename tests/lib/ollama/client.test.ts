// @vitest-environment node
// The background's client against the simulator: the final chunk's numbers reach DoneInfo.
import { describe, expect, it } from 'vitest';
import { createOllamaApi } from '../../../lib/ollama/client';
import { sim } from '../../sim/helpers';

describe('createOllamaApi().chat', () => {
  it('reports the final chunk’s counts and durations, and the model that answered', async () => {
    const s = await sim({ replyTokens: 12 });
    const pieces = [];
    for await (const p of createOllamaApi(s.url).chat('llama3.2', [{ role: 'user', content: 'hi' }], new AbortController().signal)) pieces.push(p);
    const done = pieces.at(-1);
    if (done?.kind !== 'done') throw new Error('no done piece');
    expect(done.info).toMatchObject({ doneReason: 'stop', model: 'llama3.2', evalCount: expect.any(Number) });
    for (const n of [done.info.evalDurationNs, done.info.totalDurationNs, done.info.promptEvalCount]) expect(n).toBeGreaterThan(0);
  });
});
