import { describe, expect, it, vi } from 'vitest';
import { connectBackground, type PortLike } from '../../../components/state/link';
import type { BackgroundMessage, Handlers } from '../../../lib/protocol';

function fakePort() {
  let deliver: (m: unknown) => void = () => {};
  const port: PortLike = {
    postMessage: vi.fn(),
    disconnect: vi.fn(),
    onMessage: {
      addListener: (cb) => {
        deliver = cb;
      },
    },
    onDisconnect: { addListener: () => {} },
  };
  return { port, receive: (m: unknown) => deliver(m) };
}

describe('the link to the background', () => {
  it('hands a well-formed message to its handler; refuses and reports a malformed or unknown one', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const p = fakePort();
    const chunk = vi.fn();
    const status = vi.fn();
    const handlers = { 'chat/chunk': chunk, status } as unknown as Handlers<BackgroundMessage>;
    const link = connectBackground(
      handlers,
      () => {},
      () => p.port,
    );
    link.send({ type: 'status/check' });

    p.receive({ type: 'chat/chunk', requestId: 'r', content: 'hi' });
    expect(chunk).toHaveBeenCalledWith({ type: 'chat/chunk', requestId: 'r', content: 'hi' });

    const bad = [
      { type: 'chat/chunk', requestId: 'r', content: 42 },
      { type: 'status', state: 'running', models: 'all', baseUrl: 'u' },
      { type: 'no/such' },
      'chat/chunk',
    ];
    for (const m of bad) p.receive(m);
    expect(chunk).toHaveBeenCalledTimes(1);
    expect(status).not.toHaveBeenCalled();
    expect(warn.mock.calls.map((c) => c[1])).toEqual(bad);
  });
});
