// @vitest-environment node
// Ollama's Origin check: the cause of "models list fine, chat fails" in browser extensions.
import { describe, expect, it } from 'vitest';
import { chat, raw, sim, user } from './helpers';

const body = { model: 'llama3.2', messages: user('hi'), stream: false };

describe('Origin check', () => {
  it('passes requests without an Origin header', async () => {
    const s = await sim();
    const res = await chat(s, body);
    expect(res.status).toBe(200);
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
  });

  it.each([
    'http://localhost',
    'http://localhost:3000',
    'https://127.0.0.1:8443',
    'http://0.0.0.0:11434',
    'app://obsidian.md',
    'file://',
    'tauri://localhost',
    'vscode-webview://abc',
  ])('allows %s by default and echoes it', async (origin) => {
    const s = await sim();
    const res = await chat(s, body, { Origin: origin });
    expect(res.status).toBe(200);
    expect(res.headers['access-control-allow-origin']).toBe(origin);
  });

  it.each(['chrome-extension://abc', 'moz-extension://0f9c-uuid', 'http://localhost.evil.com', 'https://example.com'])(
    'answers %s with 403 and an empty body',
    async (origin) => {
      const s = await sim();
      const res = await chat(s, body, { Origin: origin });
      expect(res.status).toBe(403);
      expect(res.text).toBe('');
      expect(res.headers['content-length']).toBe('0');
      expect(s.requests.at(-1)?.status).toBe(403);
    },
  );

  it('rejects a disallowed Origin on every route, GET /api/tags included', async () => {
    const s = await sim();
    expect((await raw(s.url, '/api/tags', { headers: { Origin: 'chrome-extension://abc' } })).status).toBe(403);
  });

  it('passes an Origin equal to http://<Host header>', async () => {
    const s = await sim();
    const res = await chat(s, body, { Origin: `http://127.0.0.1:${s.port}`, Host: `127.0.0.1:${s.port}` });
    expect(res.status).toBe(200);
  });

  it('allowOrigins chrome-extension://* lets the extension in, at start and at runtime', async () => {
    const s = await sim({ allowOrigins: ['chrome-extension://*'] });
    const res = await chat(s, body, { Origin: 'chrome-extension://abc' });
    expect(res.status).toBe(200);
    expect(res.headers['access-control-allow-origin']).toBe('chrome-extension://abc');
    expect((await chat(s, body, { Origin: 'moz-extension://x' })).status).toBe(403);
    s.configure({ allowOrigins: ['*'] });
    expect((await chat(s, body, { Origin: 'moz-extension://x' })).status).toBe(200);
  });

  it('answers an allowed preflight with 204 and CORS headers', async () => {
    const s = await sim();
    const res = await raw(s.url, '/api/chat', {
      method: 'OPTIONS',
      headers: {
        Origin: 'http://localhost:5173',
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers': 'content-type',
      },
    });
    expect(res.status).toBe(204);
    expect(res.text).toBe('');
    expect(res.headers['access-control-allow-origin']).toBe('http://localhost:5173');
    expect(res.headers['access-control-allow-methods']).toContain('POST');
    expect(res.headers['access-control-allow-headers']).toContain('Content-Type');
  });

  it('answers a disallowed preflight with 403', async () => {
    const s = await sim();
    const res = await raw(s.url, '/api/chat', { method: 'OPTIONS', headers: { Origin: 'chrome-extension://abc' } });
    expect(res.status).toBe(403);
  });
});
