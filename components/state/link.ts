/**
 * The panel's Port to the background. The worker can be stopped at any time (Chrome ends idle
 * service workers); the Port then disconnects, we tell the owner, and the next send reconnects,
 * which wakes the worker again.
 */
import { browser } from 'wxt/browser';
import { type BackgroundMessage, dispatch, type Handlers, PORT_NAME, type PanelMessage } from '../../lib/protocol';
import { BACKGROUND_GUARDS } from '../../lib/protocol-guards';

export interface PortLike {
  postMessage(msg: unknown): void;
  disconnect(): void;
  onMessage: { addListener(cb: (msg: unknown) => void): void };
  onDisconnect: { addListener(cb: () => void): void };
}

export interface BackgroundLink {
  send(msg: PanelMessage): void;
  close(): void;
}

export function connectBackground(
  handlers: Handlers<BackgroundMessage>,
  onLost: () => void,
  connect: () => PortLike = () => browser.runtime.connect({ name: PORT_NAME }) as PortLike,
): BackgroundLink {
  let port: PortLike | null = null;
  let closed = false;

  const open = (): PortLike => {
    const p = connect();
    p.onMessage.addListener((msg) => {
      if (!dispatch(handlers, msg, BACKGROUND_GUARDS)) console.warn('Ignored an unknown or malformed message from the background', msg);
    });
    p.onDisconnect.addListener(() => {
      if (port === p) port = null;
      if (!closed) onLost();
    });
    return p;
  };

  return {
    send(msg) {
      if (closed) return;
      port ??= open();
      port.postMessage(msg);
    },
    close() {
      closed = true;
      port?.disconnect();
      port = null;
    },
  };
}
