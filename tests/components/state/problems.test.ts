import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createPanel } from '../../../components/state/panel';
import type { BackgroundMessage } from '../../../lib/protocol';
import { BASE, DOWN, scriptedBackground, UP } from '../support/fake-background';

const tick = () => new Promise((r) => setTimeout(r, 0));

/** A panel whose first status is `status`; `helper`: what host/status answers. */
async function openPanel(status: BackgroundMessage, helper: BackgroundMessage | null = null) {
  const bg = scriptedBackground((msg, emit) => {
    if (msg.type === 'status/check') emit(status);
    if (msg.type === 'host/status' && helper) emit(helper);
  });
  const panel = createPanel(bg.connect);
  await tick();
  await tick();
  return { bg, panel };
}

const INSTALLED: BackgroundMessage = { type: 'host/status', installed: true, command: 'ollama serve', url: BASE };
const MISSING: BackgroundMessage = { type: 'host/status', installed: false, command: null, url: null, error: 'not found' };

describe('the banner and its actions, wired to the background', () => {
  beforeEach(() => fakeBrowser.reset());

  it('Ollama down: the panel asks whether the helper is installed; installed → Start Ollama, which asks the background to start it', async () => {
    const { bg, panel } = await openPanel(DOWN, INSTALLED);
    expect(bg.sent('host/status')).toHaveLength(1);
    expect(panel.banner.current.value).toMatchObject({ kind: 'error', source: 'status', cause: 'refused' });
    expect(panel.banner.current.value?.actions).toEqual([{ kind: 'start' }, { kind: 'retry', what: 'check' }]);
    expect(panel.welcome.value).toEqual({ kind: 'down', helper: 'installed', host: null });

    panel.act({ kind: 'start' });
    expect(bg.sent('recovery/start')).toEqual([{ type: 'recovery/start', start: true, connection: 'local' }]);
    expect(panel.banner.current.value).toMatchObject({ kind: 'info', text: 'Starting Ollama…', actions: [] });
    bg.emit(UP);
    bg.emit({ type: 'recovery/result', ok: true });
    expect(panel.banner.current.value).toMatchObject({ kind: 'info', text: 'Reconnected to Ollama.' });
    panel.dispose();
  });

  it('no helper: the banner copies its install command; Retry checks again and the banner goes once Ollama answers', async () => {
    const { bg, panel } = await openPanel(DOWN, MISSING);
    expect(panel.banner.current.value?.actions).toEqual([
      { kind: 'copy', command: 'npm run host:install -- --start-command "ollama serve"' },
      { kind: 'retry', what: 'check' },
    ]);
    const checks = bg.sent('status/check').length;
    panel.act({ kind: 'retry', what: 'check' });
    expect(bg.sent('status/check')).toHaveLength(checks + 1);
    expect(panel.connection.state.value).toBe('unknown');
    bg.emit(UP);
    expect(panel.banner.current.value).toBeNull();
    panel.dispose();
  });

  it('a helper found installed later is asked about again while Ollama is down, and the actions follow', async () => {
    const { bg, panel } = await openPanel(DOWN, MISSING);
    bg.emit(INSTALLED);
    expect(panel.banner.current.value?.actions[0]).toEqual({ kind: 'start' });
    // Known installed: a later status while down does not ask again.
    bg.emit(DOWN);
    expect(bg.sent('host/status')).toHaveLength(1);
    panel.dispose();
  });

  it('"no model" goes once Ollama lists one; a failed reply gets Retry that asks it again', async () => {
    const { bg, panel } = await openPanel({ type: 'status', state: 'running', baseUrl: BASE, models: [] });
    expect(panel.welcome.value).toEqual({ kind: 'no-models' });
    expect(panel.chat.ask('hi')).toBe(false);
    expect(panel.banner.current.value).toMatchObject({
      cause: 'no-model',
      actions: [
        { kind: 'copy', command: 'ollama pull llama3.2:1b' },
        { kind: 'retry', what: 'check' },
      ],
    });
    bg.emit(UP);
    expect(panel.banner.current.value).toBeNull();

    expect(panel.chat.ask('hi')).toBe(true);
    const first = bg.sent('chat/start')[0];
    const requestId = first?.type === 'chat/start' ? first.requestId : '';
    bg.emit({ type: 'chat/failed', requestId, failure: { kind: 'server', status: 500, message: 'Ollama error (500): boom' } });
    expect(panel.banner.current.value?.actions).toEqual([{ kind: 'retry', what: 'reply' }]);
    panel.act({ kind: 'retry', what: 'reply' });
    expect(bg.sent('chat/start')).toHaveLength(2);
    // While the retried reply streams there is nothing to retry.
    expect(panel.banner.current.value).toBeNull();
    panel.dispose();
  });
});
