// @vitest-environment node
// The background's client against the simulator: the final chunk's numbers reach DoneInfo.
import { describe, expect, it } from 'vitest';
import { contextLengthOf, createOllamaApi } from '../../../lib/ollama/client';
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

describe('createOllamaApi() request extras and show', () => {
  it('sends options and keep_alive with the chat request', async () => {
    const s = await sim({ replyTokens: 2 });
    const api = createOllamaApi(s.url);
    const extra = { options: { temperature: 0.3, num_ctx: 2048 }, keepAlive: '-1' };
    for await (const _ of api.chat(
      'llama3.2',
      [
        { role: 'system', content: 'S' },
        { role: 'user', content: 'hi' },
      ],
      new AbortController().signal,
      extra,
    ));
    const req = s.requests.find((r) => r.path === '/api/chat');
    expect(req?.body).toMatchObject({
      options: { temperature: 0.3, num_ctx: 2048 },
      keep_alive: '-1',
      messages: [
        { role: 'system', content: 'S' },
        { role: 'user', content: 'hi' },
      ],
    });
  });

  it('reads the context length and capabilities from /api/show', async () => {
    const s = await sim({});
    expect(await createOllamaApi(s.url).show?.('qwen3:0.6b')).toEqual({ contextLength: 131072, capabilities: ['completion', 'thinking'] });
  });
});

describe('contextLengthOf', () => {
  it('reads <architecture>.context_length, else any *.context_length', () => {
    expect(contextLengthOf({ 'general.architecture': 'llama', 'llama.context_length': 8192 })).toBe(8192);
    expect(contextLengthOf({ 'gemma3.context_length': 4096 })).toBe(4096);
    expect(contextLengthOf({ 'general.architecture': 'llama' })).toBeUndefined();
    expect(contextLengthOf(undefined)).toBeUndefined();
  });
});
