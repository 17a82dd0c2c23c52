import { describe, expect, it, vi } from 'vitest';
import { type BackgroundMessage, dispatch, type Handlers, type PanelMessage } from '../../lib/protocol';
import { BACKGROUND_GUARDS, isValidChatStart, PANEL_GUARDS } from '../../lib/protocol-guards';

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
  it.each([
    { ...ok, model: '' },
    { ...ok, history: [] },
    { ...ok, history: [{ role: 'system', content: 'x', timestamp: 't' }] },
    { ...ok, history: [{ role: 'user', content: 5, timestamp: 't' }] },
    { ...ok, history: [{ role: 'user', content: 'no timestamp' }] },
    { ...ok, history: [{ role: 'user', content: 'x', timestamp: 't', status: 'weird' }] },
    { ...ok, history: [{ role: 'assistant', content: 'x', timestamp: 't', stats: { model: 'm', evalCount: -1 } }, ...ok.history] },
    { ...ok, history: 'not a list' },
    { ...ok, conversation: { id: '' } },
    { ...ok, conversation: { id: 'c', title: 3 } },
    { ...ok, conversation: null },
    { ...ok, requestId: 3 },
    { ...ok, base: 5 },
    { ...ok, base: undefined },
  ])('rejects %j', (bad) => expect(isValidChatStart(bad as never)).toBe(false));
});

describe('every panel message is checked at dispatch', () => {
  const handlers = () =>
    Object.fromEntries(Object.keys(PANEL_GUARDS).map((k) => [k, vi.fn()])) as unknown as Handlers<PanelMessage> & Record<string, ReturnType<typeof vi.fn>>;

  const valid: PanelMessage[] = [
    { type: 'status/check' },
    { ...ok, history: [...ok.history] },
    { type: 'chat/stop', requestId: 'r' },
    { type: 'chat/attach', conversationId: 'conv-1-abcdefghi' },
    { type: 'chat/attach', conversationId: null },
    { type: 'history/rename', id: 'c', title: '' },
    { type: 'history/delete', id: 'c' },
    { type: 'history/restore', conversation: {} },
    { type: 'history/get', id: 'c' },
    { type: 'history/search', query: '' },
    { type: 'selection/take' },
    { type: 'recovery/start' },
    { type: 'host/status' },
    { type: 'import/begin', importId: 'i', total: 3 },
    { type: 'import/batch', importId: 'i', seq: 0, first: 0, items: ['{}'] },
    { type: 'import/commit', importId: 'i' },
    { type: 'import/cancel', importId: 'i' },
  ];
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
    { ...ok, base: 1 },
    { type: 'import/begin', importId: 'i', total: -1 },
    { type: 'import/batch', importId: 'i', seq: 0, first: 0, items: [{}] },
    { type: 'import/batch', importId: 'i', seq: 0.5, first: 0, items: [] },
    { type: 'import/batch', importId: 'i', seq: 0, first: 0, items: Array(501).fill('{}') },
    { type: 'import/cancel' },
  ];
  it.each(invalid)('refuses %j before any handler runs', (msg) => {
    const h = handlers();
    expect(dispatch<PanelMessage>(h, msg, PANEL_GUARDS)).toBe(false);
    for (const fn of Object.values(h)) expect(fn).not.toHaveBeenCalled();
  });

  it('has a guard for every message type the handlers know', () => {
    expect(Object.keys(PANEL_GUARDS).sort()).toEqual([...new Set(valid.map((m) => m.type))].sort());
  });
});

describe('the panel checks what the background sends', () => {
  const handlers = () =>
    Object.fromEntries(Object.keys(BACKGROUND_GUARDS).map((k) => [k, vi.fn()])) as unknown as Handlers<BackgroundMessage> & Record<string, ReturnType<typeof vi.fn>>;
  it.each<BackgroundMessage>([
    { type: 'chat/chunk', requestId: 'r', content: 'x' },
    { type: 'chat/done', requestId: 'r', info: { doneReason: 'stop' }, version: 'v' },
    { type: 'chat/failed', requestId: 'r', failure: { kind: 'conflict', message: 'm' } },
    { type: 'chat/resume', requestId: 'r', conversationId: 'c', history: [], content: '', thinking: '' },
    { type: 'history/conversation', id: 'c', conversation: null },
    { type: 'recovery/result', ok: false, message: 'no' },
  ])('passes %j', (msg) => {
    const h = handlers();
    expect(dispatch<BackgroundMessage>(h, msg, BACKGROUND_GUARDS)).toBe(true);
  });
  it.each([
    { type: 'chat/chunk', requestId: 'r', content: 5 },
    { type: 'chat/done', requestId: 'r' },
    { type: 'chat/failed', requestId: 'r', failure: 'boom' },
    { type: 'chat/resume', requestId: 'r', conversationId: 'c', content: '', thinking: '' },
    { type: 'history/results', query: 'q', ids: [1] },
    { type: 'recovery/result', ok: false },
  ])('refuses %j', (msg) => {
    const h = handlers();
    expect(dispatch<BackgroundMessage>(h, msg, BACKGROUND_GUARDS)).toBe(false);
    for (const fn of Object.values(h)) expect(fn).not.toHaveBeenCalled();
  });
});
