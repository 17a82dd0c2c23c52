import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { installI18n } from '../../support/i18n';
import { createModelsModel } from '../../../components/state/models';

const progress = (name: string, completed: number) => ({ name, status: 'pulling a', layers: [], completed, total: 100 });

function setup() {
  const send = vi.fn();
  const recheck = vi.fn();
  return { m: createModelsModel({ send, recheck }), send, recheck };
}

describe('models model', () => {
  it('lists what the background says; refresh asks again', () => {
    const { m, send } = setup();
    expect(m.installed.value).toBeNull();
    m.refresh();
    expect(send).toHaveBeenCalledWith({ type: 'models/list' });
    m.events['models/list']({ type: 'models/list', installed: [{ name: 'a', size: 1 }], loaded: [], error: 'boom' });
    expect(m.installed.value).toEqual([{ name: 'a', size: 1 }]);
    expect(m.error.value).toBe('boom');
  });

  it('a pull shows at once, follows progress, and on success re-checks the connection and the list', () => {
    const { m, send, recheck } = setup();
    m.pull('  ');
    expect(send).not.toHaveBeenCalled();
    m.pull(' llama3.2:1b ');
    expect(send).toHaveBeenCalledWith({ type: 'models/pull', name: 'llama3.2:1b' });
    expect(m.pulls.value.map((p) => p.name)).toEqual(['llama3.2:1b']);
    m.events['models/progress']({ type: 'models/progress', pull: progress('llama3.2:1b', 40) });
    expect(m.pulls.value[0]?.completed).toBe(40);
    m.events['models/list']({ type: 'models/list', installed: [], loaded: [] });
    send.mockClear();
    m.events['models/pull-done']({ type: 'models/pull-done', name: 'llama3.2:1b', outcome: 'success', message: 'Pulled llama3.2:1b.' });
    expect(m.pulls.value).toEqual([]);
    expect(m.notice.value).toEqual({ kind: 'info', text: 'Pulled llama3.2:1b.' });
    expect(recheck).toHaveBeenCalledOnce();
    expect(send).toHaveBeenCalledWith({ type: 'models/list' });
  });

  it('a failed pull is an error notice in Ollama’s words, no re-check', () => {
    const { m, recheck } = setup();
    m.events['models/progress']({ type: 'models/progress', pull: progress('x', 0) });
    m.events['models/pull-done']({ type: 'models/pull-done', name: 'x', outcome: 'failed', message: 'pull model manifest: file does not exist' });
    expect(m.notice.value).toEqual({ kind: 'error', text: 'pull model manifest: file does not exist' });
    expect(recheck).not.toHaveBeenCalled();
  });

  it('cancel and unload are asked of the background', () => {
    const { m, send } = setup();
    m.cancel('x');
    m.unload('y');
    expect(send.mock.calls).toEqual([[{ type: 'models/pull-cancel', name: 'x' }], [{ type: 'models/unload', name: 'y' }]]);
  });

  it('delete waits for its confirmation; a done delete re-checks the connection', () => {
    const { m, send, recheck } = setup();
    m.askDelete('a');
    expect(m.confirming.value).toBe('a');
    expect(send).not.toHaveBeenCalled();
    m.cancelDelete();
    expect(m.confirming.value).toBeNull();
    m.confirmDelete();
    expect(send).not.toHaveBeenCalled();
    m.askDelete('a');
    m.confirmDelete();
    expect(send).toHaveBeenCalledWith({ type: 'models/delete', name: 'a' });
    expect(m.confirming.value).toBeNull();
    m.events['models/result']({ type: 'models/result', action: 'delete', name: 'a', ok: true, message: 'Deleted a.' });
    expect(recheck).toHaveBeenCalledOnce();
    m.events['models/result']({ type: 'models/result', action: 'unload', name: 'b', ok: false, message: "model 'b' not found" });
    expect(m.notice.value).toEqual({ kind: 'error', text: "model 'b' not found" });
    expect(recheck).toHaveBeenCalledOnce();
  });

  it('a dropped Port ends the pulls shown (they stopped with the background) and says how to resume', () => {
    const { m } = setup();
    m.linkLost();
    expect(m.notice.value).toBeNull();
    m.events['models/progress']({ type: 'models/progress', pull: progress('a', 1) });
    m.linkLost();
    expect(m.pulls.value).toEqual([]);
    expect(m.notice.value).toEqual({ kind: 'error', text: 'The pull of a stopped with the background. Pull it again to resume.' });
  });
});

describe('in German', () => {
  afterEach(() => installI18n(fakeBrowser));

  it('names the stopped pulls as a German list, in the plural form', () => {
    installI18n(fakeBrowser, 'de');
    const { m } = setup();
    m.events['models/progress']({ type: 'models/progress', pull: progress('a', 1) });
    m.events['models/progress']({ type: 'models/progress', pull: progress('b', 1) });
    m.linkLost();
    expect(m.notice.value?.text).toBe(
      'Das Herunterladen von a und b wurde mit dem Hintergrundprozess beendet. Laden Sie sie erneut herunter, um fortzufahren.',
    );
  });
});
