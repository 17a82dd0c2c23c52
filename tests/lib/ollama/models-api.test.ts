// @vitest-environment node
// The Models view's client (ollama/browser pull, delete, show, ps, generate keep_alive 0) against the simulator.
import { describe, expect, it } from 'vitest';
import { changeModel, explain, listModels } from '../../../lib/background/models-ops';
import { createModelsApi } from '../../../lib/ollama/client';
import { AbortedByUs } from '../../../lib/ollama/errors';
import type { ModelsReply } from '../../../lib/protocol-models';
import { chat, sim } from '../../sim/helpers';

describe('createModelsApi', () => {
  it('lists installed models with /api/show’s details, and the loaded ones', async () => {
    const s = await sim();
    const api = createModelsApi(s.url);
    const installed = await api.installed();
    expect(installed.find((m) => m.name === 'qwen3:0.6b')).toEqual({
      name: 'qwen3:0.6b',
      size: expect.any(Number),
      family: 'qwen3',
      parameterSize: '751.63M',
      quantization: 'Q4_K_M',
      contextLength: 131072,
      capabilities: ['completion', 'thinking'],
    });
    expect(await api.loaded()).toEqual([]);
    await chat(s, { model: 'qwen3:0.6b', messages: [] });
    expect(await api.loaded()).toEqual([{ name: 'qwen3:0.6b', size: expect.any(Number), sizeVram: expect.any(Number), expiresAt: expect.any(String) }]);
    await api.unload('qwen3:0.6b');
    expect(await api.loaded()).toEqual([]);
    expect(s.requests.at(-2)?.body).toMatchObject({ model: 'qwen3:0.6b', keep_alive: 0 });
  });

  it('pull yields Ollama’s lines to success; an unknown model throws its words', async () => {
    const s = await sim({ pullMs: 20 });
    const api = createModelsApi(s.url);
    const lines = [];
    for await (const l of api.pull('llama3.2:1b', new AbortController().signal)) lines.push(l);
    expect(lines[0]).toMatchObject({ status: 'pulling manifest' });
    expect(lines.at(-1)).toMatchObject({ status: 'success' });
    expect(lines.some((l) => l.digest?.startsWith('sha256:') && (l.total ?? 0) > 0)).toBe(true);
    const failing = async () => {
      for await (const _ of api.pull('nope:1b', new AbortController().signal));
    };
    await expect(failing()).rejects.toThrow('pull model manifest: file does not exist');
  });

  it('a pull aborted by us throws our reason', async () => {
    const s = await sim({ pullMs: 2000 });
    const abort = new AbortController();
    const run = async () => {
      for await (const l of createModelsApi(s.url).pull('llama3.2:1b', abort.signal)) if (l.completed) abort.abort(new AbortedByUs('user'));
    };
    await expect(run()).rejects.toBeInstanceOf(AbortedByUs);
  });

  it('delete: done, then the 404 in Ollama’s words; the list is sent again after either', async () => {
    const s = await sim();
    const api = createModelsApi(s.url);
    const sent: ModelsReply[] = [];
    await changeModel('delete', 'llama3:latest', api, s.url, (m) => sent.push(m));
    await changeModel('delete', 'llama3:latest', api, s.url, (m) => sent.push(m));
    expect(sent.filter((m) => m.type === 'models/result')).toEqual([
      { type: 'models/result', action: 'delete', name: 'llama3:latest', ok: true, message: 'Deleted llama3:latest.' },
      { type: 'models/result', action: 'delete', name: 'llama3:latest', ok: false, message: "model 'llama3:latest' not found" },
    ]);
    const list = sent.at(-1);
    expect(list?.type === 'models/list' && list.installed.map((m) => m.name)).toEqual(['llama3.2:latest', 'qwen3:0.6b']);
  });

  it('Ollama down: the list says so, explained', async () => {
    const s = await sim();
    await s.setFaults({ refuse: true });
    const sent: ModelsReply[] = [];
    await listModels(createModelsApi(s.url), s.url, (m) => sent.push(m));
    expect(sent).toEqual([{ type: 'models/list', installed: [], loaded: [], error: expect.stringMatching(/connect|Ollama/i) }]);
    expect(explain(new Error('x'), s.url)).toBe('x');
  });
});
