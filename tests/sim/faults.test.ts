// @vitest-environment node
// Injected failures: what a client sees when Ollama is down, busy, crashes or hangs mid-reply.
import { describe, expect, it, vi } from 'vitest';
import { chat, chatLines, contentLines, contentOf, sim, user } from './helpers';
import { defaultReply } from './server.mjs';

const messages = user('hi');
const body = { model: 'llama3.2', messages };
const busy = { code: 503, body: '{"error":"server busy, please try again.  maximum pending requests exceeded"}' };

describe('chat faults', () => {
  it('garbageLines interleaves unparseable lines; the real lines still make the whole reply', async () => {
    const s = await sim({ faults: { garbageLines: true } });
    const res = await chat(s, body);
    expect(res.text.endsWith('\n')).toBe(true);
    const ls = chatLines(res.text);
    expect(ls.filter((l) => 'garbage' in l).length).toBeGreaterThan(0);
    const real = ls.filter((l) => !('garbage' in l));
    expect(contentOf(real)).toBe(defaultReply(messages, 30));
    expect(real.at(-1)?.done).toBe(true);
  });

  it('dieAfterTokens cuts the connection after N tokens, with no done line', async () => {
    const s = await sim({ faults: { dieAfterTokens: 3 } });
    const res = await chat(s, body);
    expect(res.status).toBe(200);
    expect(res.error).toBeDefined();
    const ls = chatLines(res.text);
    expect(contentLines(ls)).toHaveLength(3);
    expect(ls.some((l) => l.done)).toBe(false);
    await vi.waitFor(() => expect(s.activeStreams()).toBe(0));
  });

  it('errorAfterTokens sends one {"error"} line and ends cleanly, with no done line', async () => {
    const s = await sim({ faults: { errorAfterTokens: { n: 2, message: 'boom' } } });
    const res = await chat(s, body);
    expect([res.status, res.error]).toEqual([200, undefined]);
    const ls = chatLines(res.text);
    expect(contentLines(ls)).toHaveLength(2);
    expect(ls.at(-1)).toEqual({ error: 'boom' });
    expect(ls.some((l) => l.done)).toBe(false);
  });

  it('errorAfterTokens at 0 becomes a 500 JSON error, since nothing was sent yet', async () => {
    const s = await sim({ faults: { errorAfterTokens: { n: 0, message: 'runner crashed' } } });
    const res = await chat(s, body);
    expect([res.status, JSON.parse(res.text)]).toEqual([500, { error: 'runner crashed' }]);
    expect(s.requests.at(-1)?.status).toBe(500);
  });

  it('stallAfterTokens goes quiet until the client aborts; activeStreams returns to 0', async () => {
    const s = await sim({ faults: { stallAfterTokens: 2 } });
    const ac = new AbortController();
    const res = await fetch(`${s.url}/api/chat`, { method: 'POST', body: JSON.stringify(body), signal: ac.signal });
    const reader = (res.body as ReadableStream<Uint8Array>).getReader();
    const decoder = new TextDecoder();
    let text = '';
    while (contentLines(chatLines(text)).length < 2 || !text.endsWith('\n')) {
      const { value, done } = await reader.read();
      expect(done).toBe(false);
      text += decoder.decode(value, { stream: true });
    }
    const more = await Promise.race([reader.read(), new Promise((r) => setTimeout(() => r('quiet'), 150))]);
    expect(more).toBe('quiet');
    expect(s.activeStreams()).toBe(1);
    ac.abort();
    await vi.waitFor(() => expect(s.activeStreams()).toBe(0));
    expect(contentLines(chatLines(text))).toHaveLength(2);
  });

  it('pauseAfterTokens goes quiet for `ms` mid-reply, then finishes the whole reply', async () => {
    const s = await sim({ tokensPerSecond: 0, faults: { pauseAfterTokens: { n: 3, ms: 400 } } });
    const res = await fetch(`${s.url}/api/chat`, { method: 'POST', body: JSON.stringify(body) });
    const reader = (res.body as ReadableStream<Uint8Array>).getReader();
    const decoder = new TextDecoder();
    let text = '';
    while (contentLines(chatLines(text)).length < 3 || !text.endsWith('\n')) {
      const { value, done } = await reader.read();
      expect(done).toBe(false);
      text += decoder.decode(value, { stream: true });
    }
    const quietFrom = performance.now();
    let next = reader.read();
    expect(await Promise.race([next.then(() => 'more'), new Promise((r) => setTimeout(() => r('quiet'), 200))])).toBe('quiet');
    for (;;) {
      const { value, done } = await next;
      next = reader.read();
      if (done) break;
      text += decoder.decode(value, { stream: true });
    }
    expect(performance.now() - quietFrom).toBeGreaterThanOrEqual(350);
    const ls = chatLines(text);
    expect(contentOf(ls)).toBe(defaultReply(messages, 30));
    expect(ls.at(-1)?.done).toBe(true);
  });

  it('a status fault answers every chat until cleared', async () => {
    const s = await sim({ faults: { status: busy } });
    expect((await chat(s, body)).status).toBe(503);
    expect((await chat(s, body)).status).toBe(503);
    await s.setFaults({});
    expect((await chat(s, body)).status).toBe(200);
  });

  it('once faults apply to the next /api/chat only, other routes do not use them up', async () => {
    const s = await sim();
    await s.setFaults({ status: busy, once: true });
    await fetch(`${s.url}/api/tags`);
    expect((await chat(s, body)).status).toBe(503);
    expect((await chat(s, body)).status).toBe(200);
    await s.setFaults({ dieAfterTokens: 1, garbageLines: true, once: true });
    expect((await chat(s, body)).error).toBeDefined();
    const clean = await chat(s, body);
    expect([clean.error, contentOf(chatLines(clean.text))]).toEqual([undefined, defaultReply(messages, 30)]);
  });
});

describe('refuse', () => {
  const code = async (url: string) => {
    try {
      await fetch(`${url}/api/tags`);
      return 'connected';
    } catch (e) {
      return ((e as Error & { cause?: { code?: string } }).cause?.code ?? String(e)) as string;
    }
  };

  it('refuses connections (keep-alive ones too) and listens again on the same port', async () => {
    const s = await sim();
    expect(await code(s.url)).toBe('connected'); // leaves a keep-alive connection in fetch's pool
    await s.setFaults({ refuse: true });
    expect(await code(s.url)).toBe('ECONNREFUSED');
    expect(await code(s.url)).toBe('ECONNREFUSED');
    await s.setFaults({});
    expect(await code(s.url)).toBe('connected');
    expect(s.url).toBe(`http://127.0.0.1:${s.port}`);
  });

  it('can start refusing, and settles on the last of quick refuse/clear calls', async () => {
    const s = await sim({ faults: { refuse: true } });
    expect(await code(s.url)).toBe('ECONNREFUSED');
    const both = [s.setFaults({}), s.setFaults({ refuse: true }), s.setFaults({})];
    await Promise.all(both);
    expect(await code(s.url)).toBe('connected');
  });

  it('drops a stream in progress when it starts refusing', async () => {
    const s = await sim({ tokensPerSecond: 50 });
    const pending = chat(s, body);
    await s.waitForRequest((r) => r.path === '/api/chat');
    await s.setFaults({ refuse: true });
    const res = await pending;
    expect(res.error).toBeDefined();
    expect(chatLines(res.text).some((l) => l.done)).toBe(false);
  });
});
