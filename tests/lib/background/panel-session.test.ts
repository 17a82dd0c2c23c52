// @vitest-environment node
import { describe, expect, it, vi } from 'vitest';
import type { Browser } from 'wxt/browser';
import type { Exchanges } from '../../../lib/background/exchanges';
import type { HistoryOps } from '../../../lib/background/history-ops';
import { type PanelServices, servePanel } from '../../../lib/background/panel-session';
import { recover } from '../../../lib/background/recovery';
import type { BackgroundMessage } from '../../../lib/protocol';
import { DEFAULT_SETTINGS } from '../../../lib/settings';

// Only what the panel asks for is checked here; recovery itself has its own tests.
vi.mock('../../../lib/background/recovery', () => ({ recover: vi.fn(async () => {}), hostStatus: vi.fn(async () => {}) }));

function fakePort() {
  const listeners: ((m: unknown) => void)[] = [];
  const disconnects: (() => void)[] = [];
  const posted: BackgroundMessage[] = [];
  let failures = 0;
  const port = {
    name: 'ollama-chat/panel',
    postMessage: vi.fn((m: BackgroundMessage) => {
      if (failures > 0) {
        failures--;
        throw new Error('Could not serialize message.');
      }
      posted.push(m);
    }),
    onMessage: { addListener: (cb: (m: unknown) => void) => listeners.push(cb) },
    onDisconnect: { addListener: (cb: () => void) => disconnects.push(cb) },
    disconnect: vi.fn(),
  };
  return {
    port: port as unknown as Browser.runtime.Port,
    posted,
    failNext: (n = 1) => {
      failures = n;
    },
    receive: (m: unknown) => {
      for (const l of listeners) l(m);
    },
    drop: () => {
      for (const d of disconnects) d();
    },
  };
}

function services() {
  const history = {
    get: vi.fn(async (id: string, post: (m: BackgroundMessage) => void) => post({ type: 'history/conversation', id, conversation: null })),
    rename: vi.fn(async () => {}),
    search: vi.fn(async () => {}),
    imports: { detach: vi.fn() },
  } as unknown as HistoryOps & { get: ReturnType<typeof vi.fn>; rename: ReturnType<typeof vi.fn> };
  const exchanges = { attach: vi.fn(), detach: vi.fn(), isRunning: () => false, start: vi.fn(async () => {}), stop: vi.fn() } as unknown as Exchanges;
  const s: PanelServices = {
    context: vi.fn(async () => ({}) as never),
    exchanges,
    history,
    selections: { takeAll: vi.fn(async () => []) } as never,
    pulls: { start: vi.fn(), cancel: vi.fn(), running: () => [] },
    watchProblems: () => () => {},
  };
  return { s, history, exchanges };
}
const tick = () => new Promise((r) => setTimeout(r, 0));

describe('a panel session', () => {
  it('a question sent right after the panel’s own version switch builds on the copy that switch saved', async () => {
    const p = fakePort();
    const { s, history, exchanges } = services();
    let finish = (_v: string) => {};
    const switched = vi.fn((_msg: { base: string }) => new Promise<string | null>((r) => (finish = r)));
    (history as unknown as { switchVersion: typeof switched }).switchVersion = switched;
    servePanel(p.port, s);
    p.receive({ type: 'history/switch-version', id: 'conv-1', base: 'v1', at: 1, to: 0 });
    p.receive({
      type: 'chat/start',
      requestId: 'r1',
      model: 'm',
      conversation: { id: 'conv-1' },
      base: 'v1',
      history: [{ role: 'user', content: 'hi', timestamp: 't' }],
    });
    await tick();
    // The question waits for the switch: sent now, it would be refused as built on an older copy.
    expect(exchanges.start).not.toHaveBeenCalled();
    expect(switched.mock.calls[0]?.[0]).toMatchObject({ base: 'v1' });
    finish('v2');
    await tick();
    expect(exchanges.start).toHaveBeenCalledWith(
      expect.objectContaining({ requestId: 'r1', base: 'v2' }),
      expect.anything(),
      expect.anything(),
      expect.anything(),
    );
  });

  it('one failed post does not silence the panel: it is told, and later messages arrive', async () => {
    const p = fakePort();
    const { s } = services();
    servePanel(p.port, s);
    p.failNext();
    p.receive({ type: 'history/get', id: 'c1' });
    await tick();
    expect(p.posted[0]).toMatchObject({ type: 'history/problem' });
    expect(p.posted[0]?.type === 'history/problem' && p.posted[0].message).toMatch(/could not reach this panel \(history\/conversation\)/);
    p.receive({ type: 'history/get', id: 'c2' });
    await tick();
    expect(p.posted.at(-1)).toEqual({ type: 'history/conversation', id: 'c2', conversation: null });
  });

  it('after the port disconnects nothing more is posted', async () => {
    const p = fakePort();
    const { s, exchanges } = services();
    servePanel(p.port, s);
    p.drop();
    expect(exchanges.detach).toHaveBeenCalled();
    p.receive({ type: 'history/get', id: 'c1' });
    await tick();
    expect(p.posted).toEqual([]);
  });

  it('malformed messages of any type reach no handler and are reported; a malformed chat/start still ends', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const p = fakePort();
    const { s, history, exchanges } = services();
    servePanel(p.port, s);
    p.receive({ type: 'history/get', id: { evil: true } });
    p.receive({ type: 'history/rename', id: 'c', title: 5 });
    p.receive({ type: 'chat/attach', conversationId: ['x'] });
    p.receive({ type: 'chat/start', requestId: 'r1', model: 'm', conversation: { id: 'c' }, base: null, history: 'nope' });
    await tick();
    expect(history.get).not.toHaveBeenCalled();
    expect(history.rename).not.toHaveBeenCalled();
    expect(exchanges.attach).not.toHaveBeenCalled();
    expect(exchanges.start).not.toHaveBeenCalled();
    expect(p.posted).toEqual([{ type: 'chat/failed', requestId: 'r1', failure: { kind: 'invalid', message: 'The request was malformed and was not sent.' } }]);
    expect(warn.mock.calls.map((c) => (c[1] as { type: string }).type)).toEqual(['history/get', 'history/rename', 'chat/attach', 'chat/start']);
  });

  it('Start Ollama (recovery/start with start: true) starts it even with auto-start off; a plain recovery keeps the setting', async () => {
    const { s } = services();
    s.context = vi.fn(async () => ({ api: {}, settings: { ...DEFAULT_SETTINGS, autoStart: false } }) as never);
    const p = fakePort();
    servePanel(p.port, s);
    p.receive({ type: 'recovery/start' });
    p.receive({ type: 'recovery/start', start: true });
    p.receive({ type: 'recovery/start', start: 'yes' });
    await tick();
    expect(vi.mocked(recover).mock.calls.map((c) => c[0].settings.autoStart)).toEqual([false, true]);
  });
});

describe('a panel session and model pulls', () => {
  it('a panel that connects gets the running pulls’ progress at once; its pull and cancel reach the pull manager', async () => {
    const p = fakePort();
    const { s } = services();
    const pull = { name: 'llama3.2:1b', status: 'pulling abc', layers: [], completed: 5, total: 10 };
    s.pulls = { start: vi.fn(), cancel: vi.fn(), running: () => [pull] };
    const connection = { id: 'gpu', name: 'GPU box', baseUrl: 'http://127.0.0.1:9', headers: [] };
    s.context = vi.fn(async () => ({ settings: { ...DEFAULT_SETTINGS, baseUrl: 'http://127.0.0.1:9' }, api: {} as never, connection }));
    servePanel(p.port, s);
    expect(p.posted).toEqual([{ type: 'models/progress', pull }]);
    p.receive({ type: 'models/pull', name: ' llama3.2:1b ' });
    p.receive({ type: 'models/pull-cancel', name: 'llama3.2:1b' });
    await tick();
    // The connection's id goes with it, recorded so a restarted background resumes it there.
    expect(s.pulls.start).toHaveBeenCalledWith('llama3.2:1b', expect.any(Object), expect.any(Function), 'gpu');
    expect(s.pulls.cancel).toHaveBeenCalledWith('llama3.2:1b');
  });
});

describe('a panel session and connections', () => {
  const gpu = { id: 'gpu', name: 'GPU box', baseUrl: 'http://127.0.0.1:9', headers: [{ name: 'Authorization', value: 'Bearer s3cret' }] };

  it('each request reaching Ollama names its connection by id; chat saves the connection actually used', async () => {
    const p = fakePort();
    const { s, exchanges } = services();
    // A removed connection resolves to the default one: what is saved is the one used.
    s.context = vi.fn(
      async (id?: string) =>
        ({
          settings: DEFAULT_SETTINGS,
          api: { listModels: async () => [], version: async () => null },
          connection: id === 'gpu' ? gpu : { ...gpu, id: 'local' },
        }) as never,
    );
    servePanel(p.port, s);
    const history = [{ role: 'user', content: 'hi', timestamp: 't' }];
    p.receive({ type: 'chat/start', requestId: 'r1', model: 'm', conversation: { id: 'c', connection: 'gpu' }, base: null, history });
    p.receive({ type: 'chat/start', requestId: 'r2', model: 'm', conversation: { id: 'd', connection: 'removed' }, base: null, history });
    p.receive({ type: 'status/check', connection: 'gpu' });
    p.receive({ type: 'model/show', model: 'm', connection: 'gpu' });
    p.receive({ type: 'recovery/start', connection: 'gpu' });
    await tick();
    expect(vi.mocked(s.context).mock.calls.map((c) => c[0])).toEqual(['gpu', 'removed', 'gpu', 'gpu', 'gpu']);
    const started = vi.mocked(exchanges.start).mock.calls.map((c) => (c[0] as { conversation: { connection?: string } }).conversation.connection);
    expect(started).toEqual(['gpu', 'local']);
    expect(p.posted).toContainEqual(expect.objectContaining({ type: 'status', connection: 'gpu', state: 'running' }));
  });

  it('a check that finds Ollama answering lets the pulls waiting for that connection go on; one that does not, not', async () => {
    const p = fakePort();
    const { s } = services();
    let up = false;
    s.context = vi.fn(
      async (id?: string) =>
        ({
          settings: DEFAULT_SETTINGS,
          api: {
            listModels: async () => {
              if (!up) throw new TypeError('Failed to fetch');
              return [];
            },
            version: async () => null,
          },
          connection: id === 'gpu' ? gpu : { ...gpu, id: 'local' },
        }) as never,
    );
    const ollamaUp = vi.fn();
    s.ollamaUp = ollamaUp;
    servePanel(p.port, s);
    p.receive({ type: 'status/check', connection: 'gpu' });
    await tick();
    expect(p.posted).toContainEqual(expect.objectContaining({ type: 'status', state: 'stopped' }));
    expect(ollamaUp).not.toHaveBeenCalled();
    up = true;
    p.receive({ type: 'status/check', connection: 'gpu' });
    await tick();
    expect(ollamaUp).toHaveBeenCalledWith('gpu');
  });

  it('a connection id that is not a non-empty string is refused before anything is asked', async () => {
    const p = fakePort();
    const { s } = services();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    servePanel(p.port, s);
    p.receive({ type: 'status/check', connection: 42 });
    p.receive({ type: 'models/list', connection: '' });
    p.receive({
      type: 'chat/start',
      requestId: 'r',
      model: 'm',
      conversation: { id: 'c', connection: ['x'] },
      base: null,
      history: [{ role: 'user', content: 'x', timestamp: 't' }],
    });
    await tick();
    expect(s.context).not.toHaveBeenCalled();
    warn.mockRestore();
  });
});
