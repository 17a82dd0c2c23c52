import { describe, expect, it, vi } from 'vitest';
import { dispatch, isValidChatStart, type PanelMessage } from '../../lib/protocol';

describe('dispatch', () => {
  const handlers = () => ({
    'status/check': vi.fn(),
    'chat/start': vi.fn(),
    'chat/stop': vi.fn(),
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
  const ok = { type: 'chat/start', requestId: 'r', model: 'm', messages: [{ role: 'user', content: 'hi' }] } as const;
  it('accepts a well-formed request', () => expect(isValidChatStart({ ...ok, messages: [...ok.messages] })).toBe(true));
  it.each([
    { ...ok, model: '' },
    { ...ok, messages: [] },
    { ...ok, messages: [{ role: 'system', content: 'x' }] },
    { ...ok, messages: [{ role: 'user', content: 5 }] },
    { ...ok, requestId: 3 },
  ])('rejects %j', (bad) => expect(isValidChatStart(bad as never)).toBe(false));
});
