// @vitest-environment node
// requireAuth: an Ollama behind a reverse proxy that wants a bearer token (issue 14, Connections).
import { describe, expect, it } from 'vitest';
import { chat, raw, sim, user } from './helpers';

const TOKEN = 'Bearer s3cret';
const body = { model: 'llama3.2', messages: user('hi'), stream: false };

describe('requireAuth', () => {
  it.each([
    ['GET', '/api/tags', undefined],
    ['GET', '/api/version', undefined],
    ['POST', '/api/show', { model: 'llama3.2' }],
    ['POST', '/api/chat', body],
    ['GET', '/api/ps', undefined],
    ['GET', '/nowhere', undefined],
  ])("%s %s without the header: the proxy's 401, JSON body, Bearer challenge; Ollama never sees it", async (method, path, payload) => {
    const s = await sim({ requireAuth: TOKEN });
    const res = await raw(s.url, path, { method, ...(payload ? { body: payload } : {}) });
    expect(res.status).toBe(401);
    expect(JSON.parse(res.text)).toEqual({ error: 'unauthorized' });
    expect(res.headers['content-type']).toBe('application/json');
    expect(res.headers['www-authenticate']).toBe('Bearer realm="ollama"');
    expect(s.requests.at(-1)).toMatchObject({ path, status: 401 });
  });

  it('a wrong token is refused too, and named invalid in the challenge', async () => {
    const s = await sim({ requireAuth: TOKEN });
    for (const wrong of ['Bearer nope', 'Bearer s3cret2', 's3cret']) {
      const res = await raw(s.url, '/api/tags', { headers: { Authorization: wrong } });
      expect(res.status).toBe(401);
      expect(res.headers['www-authenticate']).toBe('Bearer realm="ollama", error="invalid_token"');
    }
  });

  it('the right token passes to Ollama, which answers as always (Origin check included); the header is recorded', async () => {
    const s = await sim({ requireAuth: TOKEN });
    const tags = await raw(s.url, '/api/tags', { headers: { Authorization: TOKEN } });
    expect(tags.status).toBe(200);
    expect(JSON.parse(tags.text).models.length).toBeGreaterThan(0);
    const res = await chat(s, body, { Authorization: TOKEN });
    expect(res.status).toBe(200);
    expect(s.requests.at(-1)?.headers.authorization).toBe(TOKEN);
    const forbidden = await chat(s, body, { Authorization: TOKEN, Origin: 'chrome-extension://abc' });
    expect(forbidden.status).toBe(403);
  });

  it('a CORS preflight passes the proxy (it carries no credentials)', async () => {
    const s = await sim({ requireAuth: TOKEN });
    const res = await raw(s.url, '/api/chat', { method: 'OPTIONS', headers: { Origin: 'http://localhost:3000', 'Access-Control-Request-Method': 'POST' } });
    expect(res.status).toBe(204);
  });

  it('without requireAuth nothing changes; configure() can turn it on and off', async () => {
    const s = await sim();
    expect((await raw(s.url, '/api/tags')).status).toBe(200);
    s.configure({ requireAuth: TOKEN });
    expect((await raw(s.url, '/api/tags')).status).toBe(401);
    s.configure({ requireAuth: '' });
    expect((await raw(s.url, '/api/tags')).status).toBe(200);
  });
});
