// @vitest-environment node
import { describe, expect, it, vi } from 'vitest';
import type { OllamaApi } from '../../../lib/ollama/client';
import { ensureOllamaRunning, startFailure } from '../../../lib/recovery/ensure';
import { askHost, installHint } from '../../../lib/recovery/host';

const up = { listModels: async () => [], version: async () => null, chat: vi.fn() } as unknown as OllamaApi;
const down = { ...up, listModels: async () => Promise.reject(new TypeError('Failed to fetch')) } as unknown as OllamaApi;
const LOCAL = 'http://localhost:11434';

describe('ensureOllamaRunning', () => {
  it('up already: nothing is started', async () => {
    const send = vi.fn();
    expect(await ensureOllamaRunning(up, LOCAL, send)).toEqual({ ok: true, started: false });
    expect(send).not.toHaveBeenCalled();
  });

  it('down: asks the host to start, and sends only the verb', async () => {
    const send = vi.fn(async () => ({ ok: true, started: true }));
    expect(await ensureOllamaRunning(down, LOCAL, send)).toEqual({ ok: true, started: true });
    expect(send).toHaveBeenCalledWith('ollama_chat', { verb: 'start' });
  });

  it('host missing (Chromium and Firefox wording) → the install hint', async () => {
    for (const error of ['Specified native messaging host not found.', 'No such native application ollama_chat']) {
      const r = await ensureOllamaRunning(down, LOCAL, async () => Promise.reject(new Error(error)));
      expect(r).toEqual({ ok: false, kind: 'not-installed', message: installHint() });
    }
  });

  it("the host's failure text is passed on", async () => {
    const r = await ensureOllamaRunning(down, LOCAL, async () => ({ ok: false, error: 'OLLAMA_START_COMMAND is not set' }));
    expect(r).toEqual({ ok: false, kind: 'start-failed', message: 'OLLAMA_START_COMMAND is not set' });
  });

  it('a crashed host is a failure, not "not installed"', async () => {
    expect(await askHost('ping', async () => Promise.reject(new Error('Native host has exited.')))).toEqual({
      installed: true,
      reply: { ok: false, error: 'Native host has exited.' },
    });
  });
});

describe('ensureOllamaRunning: a server elsewhere is never "started" here', () => {
  it.each(['http://localhost:11434', 'http://127.0.0.1:9', 'https://localhost', 'http://[::1]:11434'])('%s is this machine: the host is asked', async (url) => {
    const send = vi.fn(async () => ({ ok: true, started: true }));
    expect(await ensureOllamaRunning(down, url, send)).toEqual({ ok: true, started: true });
    expect(send).toHaveBeenCalledTimes(1);
  });

  it.each([
    ['http://192.168.1.20:11434', '192.168.1.20:11434'],
    ['https://gpu.example.com/ollama', 'gpu.example.com'],
    ['http://127.0.0.2:11434', '127.0.0.2:11434'],
    ['http://localhost.example.com', 'localhost.example.com'],
  ])('%s down: the host is not asked and the user is told why', async (url, host) => {
    const send = vi.fn(async () => ({ ok: true, started: true }));
    const r = await ensureOllamaRunning(down, url, send);
    expect(send).not.toHaveBeenCalled();
    expect(r).toEqual({
      ok: false,
      kind: 'remote',
      message: `Ollama at ${host} is not answering. Auto-start only starts a local Ollama: start it on that machine, or check the URL in Settings.`,
    });
  });

  it('a remote server that answers is simply up', async () => {
    const send = vi.fn();
    expect(await ensureOllamaRunning(up, 'http://gpu.lan:11434', send)).toEqual({ ok: true, started: false });
    expect(send).not.toHaveBeenCalled();
  });

  it('startFailure words a start failure once; a remote server is its own kind, never a start failure', async () => {
    expect(startFailure('exit code 1')).toBe('Failed to start Ollama: exit code 1');
    expect(startFailure('Failed to start Ollama (exit code 1): x')).toBe('Failed to start Ollama (exit code 1): x');
    const r = await ensureOllamaRunning(down, 'http://gpu.lan:11434', vi.fn());
    expect(r).toMatchObject({ ok: false, kind: 'remote' });
  });
});
