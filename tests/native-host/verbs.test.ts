// @vitest-environment node
// Requests → replies, in process: exact shapes, id echo, ignored extra fields, refusals.
import { describe, expect, it, vi } from 'vitest';
import { loadConfig } from '../../native-host/config.mjs';
import { createHandler, MAX_ID_JSON } from '../../native-host/verbs.mjs';
import { fakeOllama, freePort, tempDir, writeConfig } from './helpers';

function handlerFor(config: Record<string, unknown>, deps?: Parameters<typeof createHandler>[1]) {
  const dir = tempDir();
  writeConfig(dir, config);
  return createHandler(loadConfig({ OLLAMA_CHAT_HOST_DIR: dir }, process.platform), deps);
}

describe('verbs', () => {
  it('ping answers version and host name, echoing any id', async () => {
    const handle = handlerFor({});
    expect(await handle({ id: 7, verb: 'ping' })).toEqual({ id: 7, ok: true, version: '0.1.0', host: 'ollama_chat' });
    expect(await handle({ id: { n: ['x'] }, verb: 'ping' })).toMatchObject({ id: { n: ['x'] }, ok: true });
    expect(await handle({ id: null, verb: 'ping' })).toEqual({ id: null, ok: true, version: '0.1.0', host: 'ollama_chat' });
    expect(await handle({ verb: 'ping' })).toEqual({ ok: true, version: '0.1.0', host: 'ollama_chat' });
  });

  it('status probes the configured URL only; a URL in the message is ignored', async () => {
    const up = await fakeOllama();
    const downUrl = `http://127.0.0.1:${await freePort()}`;
    expect(await handlerFor({ url: up.url, startCommand: 'ollama serve' })({ id: 's', verb: 'status' })).toEqual({
      id: 's',
      ok: true,
      running: true,
      url: up.url,
      command: 'ollama serve',
    });
    const handle = handlerFor({ url: downUrl });
    expect(await handle({ verb: 'status', url: up.url })).toEqual({ ok: true, running: false, url: downUrl, command: null });
    expect(up.hits()).toBe(1);
  });

  it('status says not running when the server answers non-2xx or does not answer in time', async () => {
    const up = await fakeOllama();
    up.server.removeAllListeners('request');
    up.server.on('request', (_req, res) => {
      res.writeHead(403);
      res.end();
    });
    expect((await handlerFor({ url: up.url })({ verb: 'status' })).running).toBe(false);
    const probe = vi.fn(async (_url: string, ms: number) => ms === 2000);
    expect((await handlerFor({}, { probe })({ verb: 'status' })).running).toBe(true);
  });

  it('refuses bad requests with an error reply', async () => {
    const handle = handlerFor({});
    expect(await handle([1])).toEqual({ ok: false, error: 'Request must be a JSON object' });
    expect(await handle(null)).toEqual({ ok: false, error: 'Request must be a JSON object' });
    expect(await handle('ping')).toEqual({ ok: false, error: 'Request must be a JSON object' });
    expect(await handle({ id: 1 })).toEqual({ id: 1, ok: false, error: 'Missing verb' });
    expect(await handle({ id: 1, verb: 3 })).toEqual({ id: 1, ok: false, error: 'Missing verb' });
    expect(await handle({ id: 2, verb: 'exec' })).toEqual({ id: 2, ok: false, error: 'Unknown verb: exec' });
    for (const verb of ['constructor', '__proto__', 'toString', 'hasOwnProperty']) {
      expect(await handle({ verb })).toEqual({ ok: false, error: `Unknown verb: ${verb}` });
    }
    expect(await handle({ id: 'x'.repeat(MAX_ID_JSON), verb: 'ping' })).toEqual({ ok: false, error: 'id too large (max 1024 bytes of JSON)' });
  });

  it('start gets no arguments from the message, and its failures become replies', async () => {
    const start = vi.fn(async () => ({ ok: true as const, started: true }));
    const handle = handlerFor({}, { start });
    expect(await handle({ id: 1, verb: 'start', command: 'touch /tmp/x', url: 'http://evil' })).toEqual({ id: 1, ok: true, started: true });
    expect(start).toHaveBeenCalledWith();
    const broken = handlerFor({}, { start: () => Promise.reject(new Error('disk full')) });
    expect(await broken({ id: 2, verb: 'start' })).toEqual({ id: 2, ok: false, error: 'Internal error: disk full' });
  });
});
