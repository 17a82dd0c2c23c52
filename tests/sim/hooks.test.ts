// @vitest-environment node
// The benchmark hooks: onToken reports when each content token's bytes left, wholeLines keeps
// lines uncut so that high token rates keep their pace. Both are off unless asked for.
import { describe, expect, it } from 'vitest';
import { chat, chatLines, contentLines, sim, user } from './helpers';
import { defaultReply, splitTokens } from './server.mjs';

const clock = () => performance.timeOrigin + performance.now();

describe('onToken', () => {
  it('is called once per content token, in order, with its text and a send time on the shared clock', async () => {
    const seen: { index: number; text: string; at: number }[] = [];
    const s = await sim({ seed: 3, replyTokens: 60, onToken: (index, text, at) => seen.push({ index, text, at }) });
    const before = clock();
    const res = await chat(s, { model: 'llama3.2', messages: user('hi') });
    const after = clock();
    const tokens = splitTokens(defaultReply(user('hi'), 60));
    expect(seen.map((t) => t.index)).toEqual(tokens.map((_, i) => i));
    expect(seen.map((t) => t.text)).toEqual(tokens);
    expect(contentLines(chatLines(res.text)).map((l) => l.message?.content)).toEqual(tokens);
    for (let i = 1; i < seen.length; i++) expect(seen[i]?.at).toBeGreaterThanOrEqual(seen[i - 1]?.at ?? 0);
    expect(seen[0]?.at).toBeGreaterThanOrEqual(before);
    expect(seen.at(-1)?.at).toBeLessThanOrEqual(after);
  });

  it('skips thinking tokens and counts content tokens from 0', async () => {
    const seen: string[] = [];
    const s = await sim({ replyTokens: 10, onToken: (_i, text) => seen.push(text) });
    await chat(s, { model: 'qwen3:0.6b', messages: user('hi') });
    expect(seen).toEqual(splitTokens(defaultReply(user('hi'), 10)));
  });

  it('can be removed with configure({ onToken: undefined })', async () => {
    let calls = 0;
    const s = await sim({ replyTokens: 5, onToken: () => calls++ });
    s.configure({ onToken: undefined });
    await chat(s, { model: 'llama3.2', messages: user('hi') });
    expect(calls).toBe(0);
  });
});

describe('wholeLines', () => {
  it('writes every line whole and keeps a high rate (400 tokens at 2000/s well under a second)', async () => {
    const s = await sim({ seed: 42, tokensPerSecond: 2000, replyTokens: 400, wholeLines: true });
    const res = await chat(s, { model: 'llama3.2', messages: user('hi') });
    expect(contentLines(chatLines(res.text))).toHaveLength(400);
    expect(res.chunks.every((c) => c[c.length - 1] === 10)).toBe(true);
    expect(res.totalMs).toBeGreaterThanOrEqual(150);
    expect(res.totalMs).toBeLessThan(1000);
  });

  it('is off by default: lines are still cut into network pieces', async () => {
    const s = await sim({ seed: 42, replyTokens: 60 });
    const res = await chat(s, { model: 'llama3.2', messages: user('hi') });
    expect(res.chunks.some((c) => c[c.length - 1] !== 10)).toBe(true);
  });
});
