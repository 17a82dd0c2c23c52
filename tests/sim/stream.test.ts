// @vitest-environment node
// Streaming /api/chat: NDJSON shape, network chunking, thinking, pacing and the non-streamed forms.
import { describe, expect, it } from 'vitest';
import { type ChatLine, chat, chatLines, contentLines, contentOf, sim, user } from './helpers';
import { defaultReply, splitTokens } from './server.mjs';

const messages = user('Hello <there> & you');

describe('streamed reply', () => {
  it('is NDJSON whose contents concatenate to defaultReply, ending with a done line and metrics', async () => {
    const s = await sim({ replyTokens: 40 });
    const res = await chat(s, { model: 'llama3.2', messages });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/x-ndjson');
    expect(res.text.endsWith('\n')).toBe(true);
    const ls = chatLines(res.text);
    expect(ls.every((l) => !('garbage' in l))).toBe(true);
    expect(contentOf(ls)).toBe(defaultReply(messages, 40));
    expect(contentLines(ls).map((l) => l.message?.content)).toEqual(splitTokens(defaultReply(messages, 40)));
    const first = ls[0] as ChatLine;
    expect(first).toEqual({
      model: 'llama3.2',
      created_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/),
      message: { role: 'assistant', content: 'Echo:' },
      done: false,
    });
    const last = ls.at(-1) as ChatLine;
    expect(last).toMatchObject({ message: { role: 'assistant', content: '' }, done: true, done_reason: 'stop', eval_count: 40 });
    for (const k of ['total_duration', 'load_duration', 'prompt_eval_count', 'prompt_eval_duration', 'eval_duration']) {
      expect(last[k], k).toBeGreaterThan(0);
    }
    expect(ls.slice(0, -1).every((l) => l.done === false && !('total_duration' in l))).toBe(true);
  });

  it('escapes <, > and & like Go', async () => {
    const s = await sim();
    const res = await chat(s, { model: 'llama3.2', messages });
    expect(res.text).toContain('"content":" \\u003cthere\\u003e"');
    expect(res.text).toContain('"content":" \\u0026"');
    expect(res.text).not.toMatch(/[<>&]/);
  });

  it('contains emoji and CJK, and (seeded) splits network chunks inside multi-byte characters and across lines', async () => {
    const s = await sim({ seed: 42, replyTokens: 60 });
    const res = await chat(s, { model: 'llama3.2', messages });
    expect(res.text).toMatch(/🦙|👍🏽/u);
    expect(res.text).toContain('你好世界');
    let offset = 0;
    let insideChar = 0;
    for (const c of res.chunks.slice(0, -1)) {
      offset += c.length;
      if (((res.body[offset] ?? 0) & 0xc0) === 0x80) insideChar++; // next byte is a continuation byte
    }
    expect(insideChar).toBeGreaterThan(0);
    const spanning = res.chunks.filter((c) => {
      const nl = c.indexOf(10);
      return nl >= 0 && nl < c.length - 1;
    });
    expect(spanning.length).toBeGreaterThan(0);
    // The status line came with the whole first line, never with a fragment of it.
    expect(res.chunks[0]?.toString('utf8')).toMatch(/"done":false}\n/);
  });

  it('streams thinking chunks (content "") before content for a thinking model, unless think:false', async () => {
    const s = await sim();
    const ls = chatLines((await chat(s, { model: 'qwen3:0.6b', messages })).text);
    const kinds = ls.slice(0, -1).map((l) => (l.message?.thinking ? 'think' : 'say'));
    expect(kinds[0]).toBe('think');
    expect(kinds.lastIndexOf('think')).toBeLessThan(kinds.indexOf('say'));
    expect(ls.filter((l) => l.message?.thinking).every((l) => l.message?.content === '')).toBe(true);
    expect(contentOf(ls)).toBe(defaultReply(messages, 30));
    const plain = chatLines((await chat(s, { model: 'qwen3:0.6b', messages, think: false })).text);
    expect(plain.some((l) => l.message?.thinking)).toBe(false);
  });

  it('stops at options.num_predict with done_reason "length"', async () => {
    const s = await sim();
    const ls = chatLines((await chat(s, { model: 'llama3.2', messages, options: { num_predict: 5 } })).text);
    expect(contentLines(ls)).toHaveLength(5);
    expect(ls.at(-1)).toMatchObject({ done: true, done_reason: 'length', eval_count: 5 });
  });

  it('streams a custom reply split into non-empty word tokens', async () => {
    const s = await sim({ reply: ({ model }) => `Hi from ${model}!\n\n  ✓ done ` });
    const ls = chatLines((await chat(s, { model: 'llama3:latest', messages })).text);
    expect(contentLines(ls).map((l) => l.message?.content)).toEqual(['Hi', ' from', ' llama3:latest!', '\n\n  ✓', ' done ']);
  });
});

describe('non-streamed forms', () => {
  it('stream:false answers one application/json object with the whole content and metrics', async () => {
    const s = await sim();
    const res = await chat(s, { model: 'qwen3:0.6b', messages, stream: false });
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    const obj = JSON.parse(res.text);
    expect(obj).toMatchObject({ model: 'qwen3:0.6b', done: true, done_reason: 'stop', eval_count: expect.any(Number) });
    expect(obj.message.content).toBe(defaultReply(messages, 30));
    expect(obj.message.thinking).toMatch(/^Okay/);
  });

  it('messages:[] loads the model: one object with done_reason "load"', async () => {
    const s = await sim();
    const res = await chat(s, { model: 'llama3.2', messages: [] });
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(JSON.parse(res.text)).toEqual({
      model: 'llama3.2',
      created_at: expect.any(String),
      message: { role: 'assistant', content: '' },
      done_reason: 'load',
      done: true,
    });
  });
});

describe('timing', () => {
  it('holds status and headers back for firstTokenDelayMs', async () => {
    const s = await sim({ firstTokenDelayMs: 300 });
    const res = await chat(s, { model: 'llama3.2', messages });
    expect(res.headersAfterMs).toBeGreaterThanOrEqual(280);
    expect(res.chunks.length).toBeGreaterThan(0);
  });

  it('paces tokens at tokensPerSecond (20 tokens at 100/s take at least 150 ms)', async () => {
    const s = await sim({ tokensPerSecond: 100, replyTokens: 20 });
    const res = await chat(s, { model: 'llama3.2', messages: user('hi') });
    expect(contentLines(chatLines(res.text))).toHaveLength(20);
    expect(res.totalMs).toBeGreaterThanOrEqual(150);
    expect(res.totalMs - res.headersAfterMs).toBeGreaterThanOrEqual(150); // spread out, not sent at once
  });
});

describe('prompt_eval_count', () => {
  const long = user('word '.repeat(3000));
  const promptCount = async (body: Record<string, unknown>) => {
    const s = await sim({ replyTokens: 3 });
    const ls = chatLines((await chat(s, { model: 'llama3.2', ...body })).text);
    return (ls.at(-1) as ChatLine).prompt_eval_count;
  };

  it('counts the whole prompt when it fits', async () => {
    expect(await promptCount({ messages: long, options: { num_ctx: 8192 } })).toBe(3000 + 6);
  });

  it('is cut to num_ctx, silently, like Ollama, and to its 4,096 default without one', async () => {
    expect(await promptCount({ messages: long, options: { num_ctx: 1024 } })).toBe(1024);
    expect(await promptCount({ messages: user('word '.repeat(5000)) })).toBe(4096);
  });
});
