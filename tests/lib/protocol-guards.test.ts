import { describe, expect, expectTypeOf, it, vi } from 'vitest';
import { type BackgroundMessage, dispatch, type Handlers, type PanelMessage } from '../../lib/protocol';
import { BACKGROUND_GUARDS, isValidChatStart, PANEL_GUARDS } from '../../lib/protocol-guards';

/** At least one valid message of each type, by type: the compiler insists on every type. */
type Samples<M extends { type: string }> = { [K in M['type']]: Extract<M, { type: K }>[] };

const ok = {
  type: 'chat/start',
  requestId: 'r',
  model: 'm',
  conversation: { id: 'conv-1-abcdefghi' },
  base: null,
  history: [{ role: 'user', content: 'hi', timestamp: '2026-01-01T00:00:00Z' }],
} as const;

describe('isValidChatStart', () => {
  it('accepts a well-formed request, new or based on a stored copy', () => {
    expect(isValidChatStart({ ...ok, history: [...ok.history] })).toBe(true);
    expect(isValidChatStart({ ...ok, base: '2026-01-01T00:00:01.000Z' })).toBe(true);
    const answered = { role: 'assistant', content: 'a', timestamp: 't', stats: { model: 'm', evalCount: 3, ttftMs: 40 } };
    expect(isValidChatStart({ ...ok, history: [answered, ...ok.history] })).toBe(true);
  });
  it('accepts versions on messages and for the reply, nested branches included', () => {
    const branch = {
      content: 'old q',
      timestamp: 't',
      rest: [{ role: 'assistant', content: 'a', timestamp: 't', versions: [{ content: 'b', timestamp: 't' }] }],
    };
    expect(isValidChatStart({ ...ok, history: [{ ...ok.history[0], versions: [branch], version: 0 }] })).toBe(true);
    expect(isValidChatStart({ ...ok, replyVersions: [{ content: 'first', timestamp: 't', status: 'stopped' }] })).toBe(true);
  });
  it.each([
    { ...ok, model: '' },
    { ...ok, history: [] },
    { ...ok, history: [{ role: 'system', content: 'x', timestamp: 't' }] },
    { ...ok, history: [{ role: 'user', content: 5, timestamp: 't' }] },
    { ...ok, history: [{ role: 'user', content: 'no timestamp' }] },
    { ...ok, history: [{ role: 'user', content: 'x', timestamp: 't', status: 'weird' }] },
    { ...ok, history: [{ role: 'assistant', content: 'x', timestamp: 't', stats: { model: 'm', evalCount: -1 } }, ...ok.history] },
    { ...ok, history: 'not a list' },
    { ...ok, history: [{ ...ok.history[0], versions: 'x' }] },
    { ...ok, history: [{ ...ok.history[0], versions: [{ content: 1, timestamp: 't' }] }] },
    { ...ok, history: [{ ...ok.history[0], versions: [{ content: 'x', timestamp: 't', rest: [{ role: 'bot', content: 'x', timestamp: 't' }] }] }] },
    { ...ok, replyVersions: [{ content: 'x', timestamp: 't', stats: { model: 'm', evalCount: -1 } }] },
    { ...ok, replyVersions: {} },
    { ...ok, conversation: { id: '' } },
    { ...ok, conversation: { id: 'c', title: 3 } },
    { ...ok, conversation: { id: 'c', system: 42 } },
    { ...ok, conversation: null },
    { ...ok, requestId: 3 },
    { ...ok, base: 5 },
    { ...ok, base: undefined },
  ])('rejects %j', (bad) => expect(isValidChatStart(bad as never)).toBe(false));
});

describe('every panel message is checked at dispatch', () => {
  const handlers = () =>
    Object.fromEntries(Object.keys(PANEL_GUARDS).map((k) => [k, vi.fn()])) as unknown as Handlers<PanelMessage> & Record<string, ReturnType<typeof vi.fn>>;

  // A record by type: a new message type does not compile until it has a valid sample here.
  const samples: Samples<PanelMessage> = {
    'status/check': [{ type: 'status/check' }],
    'chat/start': [{ ...ok, history: [...ok.history] }],
    'chat/stop': [{ type: 'chat/stop', requestId: 'r' }],
    'chat/attach': [
      { type: 'chat/attach', conversationId: 'conv-1-abcdefghi' },
      { type: 'chat/attach', conversationId: null },
    ],
    'history/rename': [{ type: 'history/rename', id: 'c', title: '' }],
    'history/delete': [{ type: 'history/delete', id: 'c' }],
    'history/restore': [{ type: 'history/restore', conversation: {} }],
    'history/get': [{ type: 'history/get', id: 'c' }],
    'history/search': [{ type: 'history/search', query: '' }],
    'history/switch-version': [{ type: 'history/switch-version', id: 'c', base: 'v', at: 1, to: 0 }],
    'selection/take': [{ type: 'selection/take' }],
    'recovery/start': [{ type: 'recovery/start' }, { type: 'recovery/start', start: true }],
    'host/status': [{ type: 'host/status' }],
    'model/show': [{ type: 'model/show', model: 'llama3.2:latest' }],
    'import/begin': [{ type: 'import/begin', importId: 'i', total: 3 }],
    'import/batch': [{ type: 'import/batch', importId: 'i', seq: 0, first: 0, items: ['{}'] }],
    'import/commit': [{ type: 'import/commit', importId: 'i' }],
    'import/cancel': [{ type: 'import/cancel', importId: 'i' }],
    'models/list': [{ type: 'models/list' }],
    'models/pull': [{ type: 'models/pull', name: 'llama3.2:1b' }],
    'models/pull-cancel': [{ type: 'models/pull-cancel', name: 'llama3.2:1b' }],
    'models/unload': [{ type: 'models/unload', name: 'm' }],
    'models/delete': [{ type: 'models/delete', name: 'm' }],
  };
  const valid = Object.values(samples).flat();
  it.each(valid)('passes %j to its handler', (msg) => {
    const h = handlers();
    expect(dispatch<PanelMessage>(h, msg, PANEL_GUARDS)).toBe(true);
    expect(h[msg.type]).toHaveBeenCalledWith(msg);
  });

  const invalid = [
    { type: 'chat/stop' },
    { type: 'chat/stop', requestId: 7 },
    { type: 'chat/attach', conversationId: 3 },
    { type: 'chat/attach' },
    { type: 'history/rename', id: 'c', title: null },
    { type: 'history/rename', id: '', title: 'x' },
    { type: 'history/delete', id: { toString: 'x' } },
    { type: 'history/restore', conversation: 'x' },
    { type: 'history/get', id: 42 },
    { type: 'history/search', query: ['a'] },
    { type: 'history/switch-version', id: 'c', base: 'v', at: -1, to: 0 },
    { type: 'history/switch-version', id: 'c', base: null, at: 1, to: 0 },
    { type: 'history/switch-version', id: 'c', base: 'v', at: 1, to: 0.5 },
    { ...ok, base: 1 },
    { type: 'import/begin', importId: 'i', total: -1 },
    { type: 'import/batch', importId: 'i', seq: 0, first: 0, items: [{}] },
    { type: 'import/batch', importId: 'i', seq: 0.5, first: 0, items: [] },
    { type: 'import/batch', importId: 'i', seq: 0, first: 0, items: Array(501).fill('{}') },
    { type: 'import/cancel' },
    { type: 'recovery/start', start: 'yes' },
    { type: 'models/pull', name: '' },
    { type: 'models/pull', name: '   ' },
    { type: 'models/delete' },
    { type: 'models/unload', name: 3 },
  ];
  it.each(invalid)('refuses %j before any handler runs', (msg) => {
    const h = handlers();
    expect(dispatch<PanelMessage>(h, msg, PANEL_GUARDS)).toBe(false);
    for (const fn of Object.values(h)) expect(fn).not.toHaveBeenCalled();
  });

  it('has a guard for every message type, and no other', () => {
    expectTypeOf<keyof typeof PANEL_GUARDS>().toEqualTypeOf<PanelMessage['type']>();
    expect(Object.keys(PANEL_GUARDS).sort()).toEqual(Object.keys(samples).sort());
  });
});

describe('the panel checks what the background sends', () => {
  const handlers = () =>
    Object.fromEntries(Object.keys(BACKGROUND_GUARDS).map((k) => [k, vi.fn()])) as unknown as Handlers<BackgroundMessage> &
      Record<string, ReturnType<typeof vi.fn>>;
  const selection = { text: 't', originalLength: 1, truncated: false, pageTitle: 'p', pageUrl: 'https://example.com/' };
  const samples: Samples<BackgroundMessage> = {
    status: [
      { type: 'status', state: 'running', models: [{ name: 'm', parameterSize: '8B', capabilities: ['completion'] }], baseUrl: 'u', version: '0.12.0' },
      { type: 'status', state: 'stopped', models: [], baseUrl: 'u', failure: { kind: 'refused', message: 'm' } },
    ],
    'chat/chunk': [
      { type: 'chat/chunk', requestId: 'r', content: 'x' },
      { type: 'chat/chunk', requestId: 'r', content: '', thinking: 't' },
    ],
    'chat/resume': [
      { type: 'chat/resume', requestId: 'r', conversationId: 'c', history: [{ role: 'user', content: 'q', timestamp: 't' }], content: '', thinking: '' },
    ],
    'chat/done': [
      { type: 'chat/done', requestId: 'r', info: { doneReason: 'stop' }, version: 'v' },
      { type: 'chat/done', requestId: 'r', info: { doneReason: 'stop', evalCount: 3 }, stats: { model: 'm', evalCount: 3 } },
    ],
    'chat/stopped': [{ type: 'chat/stopped', requestId: 'r', version: 'v' }],
    'chat/failed': [{ type: 'chat/failed', requestId: 'r', failure: { kind: 'conflict', message: 'm', status: 409 } }],
    'chat/recovering': [{ type: 'chat/recovering', requestId: 'r', message: 'm' }],
    'recovery/result': [
      { type: 'recovery/result', ok: true },
      { type: 'recovery/result', ok: false, message: 'no' },
    ],
    'host/status': [
      { type: 'host/status', installed: true, command: 'ollama serve', url: 'u' },
      { type: 'host/status', installed: false, command: null, url: null, error: 'e' },
    ],
    'history/problem': [{ type: 'history/problem', message: 'm' }],
    'history/done': [{ type: 'history/done', action: 'rename', message: 'm' }],
    'history/conversation': [{ type: 'history/conversation', id: 'c', conversation: null }],
    'history/results': [{ type: 'history/results', query: 'q', ids: ['c'] }],
    'selection/available': [{ type: 'selection/available' }],
    'selection/items': [
      {
        type: 'selection/items',
        items: [
          { id: 'h1', createdAt: 1, selection, kind: 'ask' },
          { id: 'h2', createdAt: 2, selection, kind: 'send', title: 'Summarize', prompt: 'p' },
          { id: 'h3', createdAt: 3, kind: 'image', image: { kind: 'image', title: 'a.jpg', mime: 'image/jpeg', width: 2, height: 1, data: 'AAAA' } },
          { id: 'h4', createdAt: 4, kind: 'image', problem: 'The site does not let extensions read this image.' },
        ],
      },
    ],
    'model/facts': [
      { type: 'model/facts', model: 'm', contextLength: 131072, capabilities: ['completion'] },
      { type: 'model/facts', model: 'm', capabilities: [] },
    ],
    'import/ack': [{ type: 'import/ack', importId: 'i', seq: 0, done: 10 }],
    'import/result': [{ type: 'import/result', importId: 'i', outcome: 'done', message: 'm' }],
    'models/list': [
      {
        type: 'models/list',
        installed: [{ name: 'm', size: 1, family: 'llama', parameterSize: '1B', quantization: 'Q4_K_M', contextLength: 8, capabilities: ['completion'] }],
        loaded: [{ name: 'm', size: 1, sizeVram: 1, expiresAt: '2026-01-01T00:00:00Z' }],
      },
      { type: 'models/list', installed: [], loaded: [], error: 'e' },
    ],
    'models/progress': [
      {
        type: 'models/progress',
        pull: { name: 'm', status: 's', layers: [{ digest: 'd', total: 2, completed: 1 }], completed: 1, total: 2, bytesPerSecond: 5, etaSeconds: 1 },
      },
    ],
    'models/pull-done': [{ type: 'models/pull-done', name: 'm', outcome: 'failed', message: 'pull model manifest: file does not exist' }],
    'models/result': [{ type: 'models/result', action: 'delete', name: 'm', ok: true, message: 'Deleted m.' }],
  };
  it.each(Object.values(samples).flat())('passes %j', (msg) => {
    const h = handlers();
    expect(dispatch<BackgroundMessage>(h, msg, BACKGROUND_GUARDS)).toBe(true);
    expect(h[msg.type]).toHaveBeenCalledWith(msg);
  });
  it.each([
    { type: 'status', state: 'on', models: [], baseUrl: 'u' },
    { type: 'status', state: 'running', models: [{ size: 1 }], baseUrl: 'u' },
    { type: 'status', state: 'stopped', models: [], baseUrl: 'u', failure: { kind: 'refused' } },
    { type: 'chat/chunk', requestId: 'r', content: 5 },
    { type: 'model/facts', model: 'm', contextLength: '8k', capabilities: [] },
    { type: 'model/facts', model: 'm' },
    { type: 'chat/done', requestId: 'r' },
    { type: 'chat/done', requestId: 'r', info: {} },
    { type: 'chat/done', requestId: 'r', info: { doneReason: 'stop' }, stats: { model: 'm', evalCount: 'many' } },
    { type: 'chat/failed', requestId: 'r', failure: 'boom' },
    { type: 'chat/resume', requestId: 'r', conversationId: 'c', content: '', thinking: '' },
    {
      type: 'chat/resume',
      requestId: 'r',
      conversationId: 'c',
      history: [{ role: 'user', content: 'q', timestamp: 't', stats: { model: '' } }],
      content: '',
      thinking: '',
    },
    { type: 'host/status', installed: true, command: 7, url: null },
    { type: 'history/done', action: 'explode', message: 'm' },
    { type: 'history/results', query: 'q', ids: [1] },
    { type: 'recovery/result', ok: false },
    { type: 'selection/items', items: [{ id: 'h', createdAt: 1, kind: 'ask' }] },
    { type: 'selection/items', items: [{ id: 'h', createdAt: 1, selection, kind: 'send', title: 't' }] },
    { type: 'selection/items', items: [{ id: 'h', createdAt: 1, kind: 'image' }] },
    {
      type: 'selection/items',
      items: [{ id: 'h', createdAt: 1, kind: 'image', image: { kind: 'image', title: 'a.svg', mime: 'image/svg+xml', width: 2, height: 1, data: 'AAAA' } }],
    },
    { type: 'selection/items', items: [{ id: 'h', createdAt: 1, kind: 'image', image: { kind: 'page', title: 'p', text: 't' } }] },
    { type: 'import/result', importId: 'i', outcome: 'maybe', message: 'm' },
    { type: 'models/list', installed: [{ name: 'm' }], loaded: [] },
    { type: 'models/progress', pull: { name: 'm', status: 's', layers: [{ digest: 'd', total: -1, completed: 0 }], completed: 0, total: 0 } },
    { type: 'models/pull-done', name: 'm', outcome: 'maybe', message: 'm' },
    { type: 'models/result', action: 'rename', name: 'm', ok: true, message: 'm' },
  ])('refuses %j', (msg) => {
    const h = handlers();
    expect(dispatch<BackgroundMessage>(h, msg, BACKGROUND_GUARDS)).toBe(false);
    for (const fn of Object.values(h)) expect(fn).not.toHaveBeenCalled();
  });
  it('has a guard for every message type, and no other', () => {
    expectTypeOf<keyof typeof BACKGROUND_GUARDS>().toEqualTypeOf<BackgroundMessage['type']>();
    expect(Object.keys(BACKGROUND_GUARDS).sort()).toEqual(Object.keys(samples).sort());
  });
});
