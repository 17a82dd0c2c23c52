// @vitest-environment node
// Endpoints, error rows and request logging of the Ollama simulator, over real HTTP.
import { describe, expect, it } from 'vitest';
import { chat, raw, sim, user } from './helpers';

describe('simple endpoints', () => {
  it('GET / and HEAD / say Ollama is running', async () => {
    const s = await sim();
    const get = await raw(s.url, '/');
    expect(get.status).toBe(200);
    expect(get.headers['content-type']).toMatch(/^text\/plain/);
    expect(get.text).toBe('Ollama is running');
    const head = await raw(s.url, '/', { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.text).toBe('');
  });

  it('GET /api/version reports the configured version', async () => {
    const s = await sim();
    expect((await raw(s.url, '/api/version')).text).toBe('{"version":"0.32.15"}');
    s.configure({ version: '0.1.0' });
    expect(JSON.parse((await raw(s.url, '/api/version')).text)).toEqual({ version: '0.1.0' });
  });

  it('GET /api/tags lists models in the real shape, [] when none', async () => {
    const s = await sim();
    const res = await raw(s.url, '/api/tags');
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    const { models } = JSON.parse(res.text);
    expect(models.map((m: { name: string }) => m.name)).toEqual(['llama3.2:latest', 'qwen3:0.6b', 'llama3:latest']);
    expect(models[0]).toMatchObject({
      name: 'llama3.2:latest',
      model: 'llama3.2:latest',
      modified_at: expect.any(String),
      size: expect.any(Number),
      digest: expect.stringMatching(/^[0-9a-f]{64}$/),
      details: {
        parent_model: '',
        format: 'gguf',
        family: 'llama',
        families: ['llama'],
        parameter_size: '3.2B',
        quantization_level: 'Q4_K_M',
      },
      capabilities: ['completion', 'tools'],
    });
    s.configure({ models: [] });
    expect((await raw(s.url, '/api/tags')).text).toBe('{"models":[]}');
  });

  it('GET /api/ps lists the models that have been chatted with', async () => {
    const s = await sim();
    expect((await raw(s.url, '/api/ps')).text).toBe('{"models":[]}');
    await chat(s, { model: 'qwen3:0.6b', messages: [] });
    const { models } = JSON.parse((await raw(s.url, '/api/ps')).text);
    expect(models).toHaveLength(1);
    expect(models[0]).toMatchObject({ name: 'qwen3:0.6b', size_vram: expect.any(Number), context_length: 4096 });
    expect(Date.parse(models[0].expires_at)).toBeGreaterThan(Date.now() + 60_000);
  });

  it('POST /api/show describes a model; unknown is 404', async () => {
    const s = await sim();
    const res = await raw(s.url, '/api/show', { body: { model: 'qwen3:0.6b' } });
    expect(res.status).toBe(200);
    const show = JSON.parse(res.text);
    expect(Object.keys(show)).toEqual(expect.arrayContaining(['details', 'model_info', 'capabilities', 'template', 'parameters', 'modified_at']));
    expect(show.capabilities).toEqual(['completion', 'thinking']);
    expect(res.text).toContain('\\u003c|im_start|\\u003e'); // Go escapes < and >
    const missing = await raw(s.url, '/api/show', { body: { model: 'nope' } });
    expect(missing.status).toBe(404);
    expect(missing.text).toBe(`{"error":"model 'nope' not found"}`);
  });

  it('/api/show reports a model’s declared context length, 131072 by default, or none', async () => {
    const s = await sim({
      models: [
        { name: 'a:8k', family: 'llama', contextLength: 8192 },
        { name: 'b', family: 'llama', contextLength: null },
        { name: 'c', family: 'qwen3' },
      ],
    });
    const info = async (model: string) => JSON.parse((await raw(s.url, '/api/show', { body: { model } })).text).model_info;
    expect((await info('a:8k'))['llama.context_length']).toBe(8192);
    expect(Object.keys(await info('b')).filter((k) => k.endsWith('.context_length'))).toEqual([]);
    expect((await info('c'))['qwen3.context_length']).toBe(131072);
  });

  it('unknown routes are 404 and wrong methods 405, as plain text', async () => {
    const s = await sim();
    const notFound = await raw(s.url, '/api/nope');
    expect([notFound.status, notFound.text, notFound.headers['content-type']]).toEqual([404, '404 page not found', 'text/plain']);
    const wrong = await raw(s.url, '/api/chat');
    expect([wrong.status, wrong.text]).toEqual([405, '405 method not allowed']);
  });
});

describe('POST /api/chat errors', () => {
  const err = (status: number, error: string) => ({ status, body: { error } });
  const answer = async (body: string | object) => {
    const s = await sim();
    const res = await raw(s.url, '/api/chat', { method: 'POST', body });
    return { status: res.status, body: JSON.parse(res.text) };
  };

  it('empty body', async () => expect(await answer('')).toEqual(err(400, 'missing request body')));

  it('malformed JSON carries the parser message', async () => {
    let message = '';
    try {
      JSON.parse('{"model":');
    } catch (e) {
      message = (e as Error).message;
    }
    expect(await answer('{"model":')).toEqual(err(400, message));
  });

  it('no model', async () => expect(await answer({ messages: user('hi') })).toEqual(err(400, 'model is required')));

  it('unknown model', async () => expect(await answer({ model: 'mistral', messages: user('hi') })).toEqual(err(404, "model 'mistral' not found")));

  it('think:true on a model that cannot think', async () =>
    expect(await answer({ model: 'llama3.2:latest', think: true, messages: user('hi') })).toEqual(err(400, '"llama3.2:latest" does not support thinking')));

  it('503 busy via faults.status, with the real message', async () => {
    const busy = 'server busy, please try again.  maximum pending requests exceeded';
    const s = await sim({ faults: { status: { code: 503, body: JSON.stringify({ error: busy }) } } });
    const res = await chat(s, { model: 'llama3.2', messages: user('hi') });
    expect(res.status).toBe(503);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(JSON.parse(res.text)).toEqual({ error: busy });
  });
});

describe('request log', () => {
  it('records method, path, origin, parsed body and status in order', async () => {
    const s = await sim();
    await raw(s.url, '/api/tags?x=1', { headers: { Origin: 'http://localhost:5173' } });
    await chat(s, { model: 'nope', messages: user('hi') });
    expect(s.requests.map((r) => [r.method, r.path, r.origin, r.status])).toEqual([
      ['GET', '/api/tags', 'http://localhost:5173', 200],
      ['POST', '/api/chat', undefined, 404],
    ]);
    expect(s.requests[1]?.body).toEqual({ model: 'nope', messages: user('hi') });
    expect(s.requests[1]?.headers['content-type']).toBeUndefined();
  });

  it('waitForRequest resolves for past and future requests and times out otherwise', async () => {
    const s = await sim();
    await raw(s.url, '/');
    expect((await s.waitForRequest((r) => r.path === '/')).status).toBe(200);
    const later = s.waitForRequest((r) => r.path === '/api/version', 2000);
    setTimeout(() => void raw(s.url, '/api/version'), 20);
    expect((await later).method).toBe('GET');
    await expect(s.waitForRequest((r) => r.path === '/never', 50)).rejects.toThrow(/no match within 50 ms/);
  });
});
