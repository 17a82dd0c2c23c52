import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { currentContext, modelsApiFor } from '../../../lib/background/context';

const local = { id: 'local', name: 'Local', baseUrl: 'http://localhost:11434', headers: [] };
const gpu = { id: 'gpu', name: 'GPU box', baseUrl: 'http://127.0.0.1:9/ollama', headers: [{ name: 'Authorization', value: 'Bearer s3cret' }] };

describe('a request’s connection, resolved in the background', () => {
  const seen: { url: string; headers: Headers }[] = [];
  beforeEach(async () => {
    fakeBrowser.reset();
    seen.length = 0;
    await fakeBrowser.storage.local.set({ settings: { connections: [local, gpu], defaultConnection: 'local' } });
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string, init?: RequestInit) => {
        seen.push({ url, headers: new Headers(init?.headers) });
        return new Response(JSON.stringify({ models: [] }), { headers: { 'Content-Type': 'application/json' } });
      }),
    );
  });
  afterEach(() => vi.unstubAllGlobals());

  it('by id: its URL and its headers on every request (chat client and Models client)', async () => {
    const ctx = await currentContext('gpu');
    expect(ctx.connection).toEqual(gpu);
    expect(ctx.settings.baseUrl).toBe(gpu.baseUrl);
    await ctx.api.listModels();
    await modelsApiFor(gpu).loaded();
    expect(seen.map((r) => [r.url, r.headers.get('authorization')])).toEqual([
      ['http://127.0.0.1:9/ollama/api/tags', 'Bearer s3cret'],
      ['http://127.0.0.1:9/ollama/api/ps', 'Bearer s3cret'],
    ]);
  });

  it('no id or an unknown one: the default connection, without the other one’s headers', async () => {
    for (const id of [undefined, 'removed']) {
      const ctx = await currentContext(id);
      expect(ctx.connection?.id).toBe('local');
      await ctx.api.listModels();
    }
    expect(seen.map((r) => [r.url, r.headers.get('authorization')])).toEqual([
      ['http://localhost:11434/api/tags', null],
      ['http://localhost:11434/api/tags', null],
    ]);
  });
});
