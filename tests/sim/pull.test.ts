// @vitest-environment node
// /api/pull, /api/delete and unloading with keep_alive 0, as real Ollama answers them.
import { describe, expect, it } from 'vitest';
import { layersOf } from './pull.mjs';
import { chat, raw, sim } from './helpers';

const lines = (text: string) =>
  text
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l));

describe('/api/pull', () => {
  it('streams the manifest, every layer with bytes, then verify, write, success; the model is installed', async () => {
    const s = await sim({ pullMs: 40 });
    const res = await raw(s.url, '/api/pull', { method: 'POST', body: { model: 'llama3.2:1b' } });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/x-ndjson');
    const out = lines(res.text);
    expect(out[0]).toEqual({ status: 'pulling manifest' });
    const layers = layersOf('llama3.2:1b');
    for (const layer of layers) {
      const mine = out.filter((l) => l.digest === layer.digest);
      expect(mine[0]).toEqual({ status: `pulling ${layer.digest.slice(7, 19)}`, digest: layer.digest, total: layer.total, completed: 0 });
      expect(mine.at(-1).completed).toBe(layer.total);
    }
    expect(out.slice(-3)).toEqual([{ status: 'verifying sha256 digest' }, { status: 'writing manifest' }, { status: 'success' }]);
    const tags = JSON.parse((await raw(s.url, '/api/tags')).text);
    expect(tags.models.map((m: { name: string }) => m.name)).toContain('llama3.2:1b');
  });

  it('an unknown model: the real error line after "pulling manifest"', async () => {
    const s = await sim();
    const res = await raw(s.url, '/api/pull', { method: 'POST', body: { model: 'nope:1b' } });
    expect(res.status).toBe(200);
    expect(lines(res.text)).toEqual([{ status: 'pulling manifest' }, { error: 'pull model manifest: file does not exist' }]);
  });

  it('a pull cancelled by the client resumes from the bytes it had', async () => {
    const s = await sim({ pullMs: 400 });
    const ac = new AbortController();
    const first = raw(s.url, '/api/pull', { method: 'POST', body: { model: 'llama3.2:1b' }, signal: ac.signal });
    await new Promise((r) => setTimeout(r, 150));
    ac.abort();
    await first;
    await new Promise((r) => setTimeout(r, 50));
    const again = lines((await raw(s.url, '/api/pull', { method: 'POST', body: { model: 'llama3.2:1b' } })).text);
    const weights = layersOf('llama3.2:1b')[0];
    const start = again.find((l) => l.digest === weights?.digest);
    expect(start.completed).toBeGreaterThan(0);
    expect(start.completed).toBeLessThan(weights?.total ?? 0);
    expect(again.at(-1)).toEqual({ status: 'success' });
  });

  it('a configured pull error (disk full) is sent as Ollama words it', async () => {
    const s = await sim({ faults: { pullError: 'write /root/.ollama/models/blobs: no space left on device' } });
    const out = lines((await raw(s.url, '/api/pull', { method: 'POST', body: { model: 'llama3.2:1b' } })).text);
    expect(out.at(-1)).toEqual({ error: 'write /root/.ollama/models/blobs: no space left on device' });
  });
});

describe('/api/delete and unloading', () => {
  it('DELETE removes an installed model; a missing one is a 404 with the real words', async () => {
    const s = await sim();
    // Node sends a DELETE body only with its length (fetch always gives one).
    const del = (model: string) => {
      const body = JSON.stringify({ model });
      return raw(s.url, '/api/delete', { method: 'DELETE', body, headers: { 'Content-Length': String(body.length) } });
    };
    const ok = await del('llama3:latest');
    expect(ok.status).toBe(200);
    const tags = JSON.parse((await raw(s.url, '/api/tags')).text);
    expect(tags.models.map((m: { name: string }) => m.name)).not.toContain('llama3:latest');
    const missing = await del('llama3:latest');
    expect(missing.status).toBe(404);
    expect(JSON.parse(missing.text)).toEqual({ error: "model 'llama3:latest' not found" });
    expect((await raw(s.url, '/api/delete', { method: 'POST', body: { model: 'x' } })).status).toBe(405);
  });

  it('/api/generate with keep_alive 0 unloads the model from /api/ps', async () => {
    const s = await sim();
    await chat(s, { model: 'qwen3:0.6b', messages: [] });
    expect(JSON.parse((await raw(s.url, '/api/ps')).text).models).toHaveLength(1);
    const res = await raw(s.url, '/api/generate', { method: 'POST', body: { model: 'qwen3:0.6b', keep_alive: 0 } });
    expect(JSON.parse(res.text)).toMatchObject({ model: 'qwen3:0.6b', done: true, done_reason: 'unload' });
    expect((await raw(s.url, '/api/ps')).text).toBe('{"models":[]}');
  });

  it('/api/chat with keep_alive 0 leaves nothing loaded', async () => {
    const s = await sim();
    await chat(s, { model: 'qwen3:0.6b', messages: [], keep_alive: 0 });
    expect((await raw(s.url, '/api/ps')).text).toBe('{"models":[]}');
  });

  it('/api/show gives details, context length and capabilities', async () => {
    const s = await sim();
    const show = JSON.parse((await raw(s.url, '/api/show', { method: 'POST', body: { model: 'qwen3:0.6b' } })).text);
    expect(show.details).toMatchObject({ family: 'qwen3', parameter_size: '751.63M', quantization_level: 'Q4_K_M' });
    expect(show.model_info['qwen3.context_length']).toBe(131072);
    expect(show.capabilities).toEqual(['completion', 'thinking']);
  });
});
