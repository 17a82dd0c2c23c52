import { describe, expect, it, vi } from 'vitest';
import { dispatch, isValidChatStart, type PanelMessage } from '../../lib/protocol';

describe('dispatch', () => {
  const handlers = () => ({
    'status/check': vi.fn(),
    'chat/start': vi.fn(),
    'chat/stop': vi.fn(),
    'chat/attach': vi.fn(),
    'selection/take': vi.fn(),
    'history/rename': vi.fn(),
    'history/delete': vi.fn(),
    'history/restore': vi.fn(),
    'history/import': vi.fn(),
    'history/get': vi.fn(),
    'history/search': vi.fn(),
    'recovery/start': vi.fn(),
    'host/status': vi.fn(),
    'import/begin': vi.fn(),
    'import/batch': vi.fn(),
    'import/commit': vi.fn(),
    'import/cancel': vi.fn(),
  });

  it('calls only the handler of the message type', () => {
    const h = handlers();
    expect(dispatch<PanelMessage>(h, { type: 'chat/stop', requestId: 'r1' })).toBe(true);
    expect(h['chat/stop']).toHaveBeenCalledWith({ type: 'chat/stop', requestId: 'r1' });
    expect(h['chat/start']).not.toHaveBeenCalled();
  });

  it.each([null, 42, 'chat/stop', {}, { type: 7 }, { type: 'toString' }, { type: 'nope' }])(
    'rejects %j without calling anything',
    (msg) => {
      const h = handlers();
      expect(dispatch<PanelMessage>(h, msg)).toBe(false);
      for (const fn of Object.values(h)) expect(fn).not.toHaveBeenCalled();
    },
  );
});

describe('isValidChatStart', () => {
  const ok = {
    type: 'chat/start',
    requestId: 'r',
    model: 'm',
    conversation: { id: 'conv-1-abcdefghi' },
    history: [{ role: 'user', content: 'hi', timestamp: '2026-01-01T00:00:00Z' }],
  } as const;
  it('accepts a well-formed request', () => expect(isValidChatStart({ ...ok, history: [...ok.history] })).toBe(true));
  it.each([
    { ...ok, model: '' },
    { ...ok, history: [] },
    { ...ok, history: [{ role: 'system', content: 'x', timestamp: 't' }] },
    { ...ok, history: [{ role: 'user', content: 5, timestamp: 't' }] },
    { ...ok, history: [{ role: 'user', content: 'no timestamp' }] },
    { ...ok, conversation: { id: '' } },
    { ...ok, conversation: null },
    { ...ok, requestId: 3 },
  ])('rejects %j', (bad) => expect(isValidChatStart(bad as never)).toBe(false));
});
