// @vitest-environment node
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { recover, stillDown } from '../../../lib/background/recovery';
import type { OllamaApi } from '../../../lib/ollama/client';
import type { BackgroundMessage } from '../../../lib/protocol';
import { installHint } from '../../../lib/recovery/host';
import { DEFAULT_SETTINGS } from '../../../lib/settings';
import { installI18n } from '../../support/i18n';

const down = {
  listModels: async () => Promise.reject(new TypeError('Failed to fetch')),
  version: async () => null,
  chat: vi.fn(),
} as unknown as OllamaApi;

async function run(baseUrl: string, reply: unknown = { ok: true, started: true }) {
  const send = vi.fn(async () => reply);
  const seen: BackgroundMessage[] = [];
  await recover(
    { api: down, settings: { ...DEFAULT_SETTINGS, baseUrl } },
    (m) => seen.push(m),
    async () => {},
    send,
  );
  return { send, seen };
}

describe('layer 2 recovery (recovery/start)', () => {
  it('a local Ollama that is down: the host is asked to start it', async () => {
    const { send, seen } = await run('http://127.0.0.1:11434');
    expect(send).toHaveBeenCalledWith('ollama_chat', { verb: 'start' });
    // The simulated start changed nothing (still refused): the panel hears it is still down.
    expect(seen.at(-1)).toEqual({ type: 'recovery/result', ok: false, message: 'Cannot connect to Ollama. Please ensure it is running.' });
  });

  it('a remote Ollama that is down: nothing is started, and the user is told why', async () => {
    const { send, seen } = await run('http://gpu.lan:11434');
    expect(send).not.toHaveBeenCalled();
    expect(seen).toEqual([
      {
        type: 'recovery/result',
        ok: false,
        message: 'Ollama at gpu.lan:11434 is not answering. Auto-start only starts a local Ollama: start it on that machine, or check the URL in Settings.',
      },
    ]);
  });

  it('a missing helper and a failed start keep their wording', async () => {
    const missing = vi.fn(async () => Promise.reject(new Error('Specified native messaging host not found.')));
    const seen: BackgroundMessage[] = [];
    await recover(
      { api: down, settings: DEFAULT_SETTINGS },
      (m) => seen.push(m),
      async () => {},
      missing,
    );
    expect(seen).toEqual([{ type: 'recovery/result', ok: false, message: `${stillDown()} ${installHint()}` }]);
    const failed = await run('http://localhost:11434', { ok: false, error: 'no command' });
    expect(failed.seen).toEqual([{ type: 'recovery/result', ok: false, message: 'Failed to start Ollama: no command' }]);
  });
});

describe('layer 2 recovery in German', () => {
  afterEach(() => installI18n(fakeBrowser));

  it("the outcome is worded from the catalog; a helper's own message is passed on inside it", async () => {
    installI18n(fakeBrowser, 'de');
    expect((await run('http://127.0.0.1:11434')).seen.at(-1)).toEqual({
      type: 'recovery/result',
      ok: false,
      message: 'Keine Verbindung zu Ollama möglich. Bitte stellen Sie sicher, dass Ollama läuft.',
    });
    const failed = await run('http://localhost:11434', { ok: false, error: 'no command' });
    expect(failed.seen).toEqual([{ type: 'recovery/result', ok: false, message: 'Ollama konnte nicht gestartet werden: no command' }]);
    expect(installHint()).toMatch(/^Ollama Chat kann Ollama für Sie starten/);
  });
});
