import { describe, expect, it, vi } from 'vitest';
import { dispatch, type PanelMessage } from '../../lib/protocol';

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
    'history/get': vi.fn(),
    'history/search': vi.fn(),
    'history/switch-version': vi.fn(),
    'recovery/start': vi.fn(),
    'host/status': vi.fn(),
    'model/show': vi.fn(),
    'import/begin': vi.fn(),
    'import/batch': vi.fn(),
    'import/commit': vi.fn(),
    'import/cancel': vi.fn(),
    'models/list': vi.fn(),
    'models/pull': vi.fn(),
    'models/pull-cancel': vi.fn(),
    'models/unload': vi.fn(),
    'models/delete': vi.fn(),
  });

  it('calls only the handler of the message type', () => {
    const h = handlers();
    expect(dispatch<PanelMessage>(h, { type: 'chat/stop', requestId: 'r1' })).toBe(true);
    expect(h['chat/stop']).toHaveBeenCalledWith({ type: 'chat/stop', requestId: 'r1' });
    expect(h['chat/start']).not.toHaveBeenCalled();
  });

  it.each([null, 42, 'chat/stop', {}, { type: 7 }, { type: 'toString' }, { type: 'nope' }])('rejects %j without calling anything', (msg) => {
    const h = handlers();
    expect(dispatch<PanelMessage>(h, msg)).toBe(false);
    for (const fn of Object.values(h)) expect(fn).not.toHaveBeenCalled();
  });
});
