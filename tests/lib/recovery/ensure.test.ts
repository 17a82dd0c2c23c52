// @vitest-environment node
import { describe, expect, it, vi } from 'vitest';
import type { OllamaApi } from '../../../lib/ollama/client';
import { ensureOllamaRunning } from '../../../lib/recovery/ensure';
import { askHost, INSTALL_HINT } from '../../../lib/recovery/host';

const up = { listModels: async () => [], version: async () => null, chat: vi.fn() } as unknown as OllamaApi;
const down = { ...up, listModels: async () => Promise.reject(new TypeError('Failed to fetch')) } as unknown as OllamaApi;

describe('ensureOllamaRunning', () => {
  it('up already: nothing is started', async () => {
    const send = vi.fn();
    expect(await ensureOllamaRunning(up, send)).toEqual({ ok: true, started: false });
    expect(send).not.toHaveBeenCalled();
  });

  it('down: asks the host to start, and sends only the verb', async () => {
    const send = vi.fn(async () => ({ ok: true, started: true }));
    expect(await ensureOllamaRunning(down, send)).toEqual({ ok: true, started: true });
    expect(send).toHaveBeenCalledWith('ollama_chat', { verb: 'start' });
  });

  it('host missing (Chromium and Firefox wording) → the install hint', async () => {
    for (const error of ['Specified native messaging host not found.', 'No such native application ollama_chat']) {
      const r = await ensureOllamaRunning(down, async () => Promise.reject(new Error(error)));
      expect(r).toEqual({ ok: false, kind: 'not-installed', message: INSTALL_HINT });
    }
  });

  it("the host's failure text is passed on", async () => {
    const r = await ensureOllamaRunning(down, async () => ({ ok: false, error: 'OLLAMA_START_COMMAND is not set' }));
    expect(r).toEqual({ ok: false, kind: 'start-failed', message: 'OLLAMA_START_COMMAND is not set' });
  });

  it('a crashed host is a failure, not "not installed"', async () => {
    expect(await askHost('ping', async () => Promise.reject(new Error('Native host has exited.')))).toEqual({
      installed: true,
      reply: { ok: false, error: 'Native host has exited.' },
    });
  });
});
