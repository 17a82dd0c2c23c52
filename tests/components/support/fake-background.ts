/** A scripted background on the other end of the panel's Port: records what the panel sends, emits what we say. */
import type { PortLike } from '../../../components/state/link';
import type { BackgroundMessage, PanelMessage } from '../../../lib/protocol';

export function scriptedBackground(answer: (msg: PanelMessage, emit: (m: BackgroundMessage) => void) => void = () => {}) {
  const received: PanelMessage[] = [];
  let listener: (m: unknown) => void = () => {};
  const emit = (m: BackgroundMessage) => listener(m);
  const port: PortLike = {
    postMessage: (m) => {
      received.push(m as PanelMessage);
      queueMicrotask(() => answer(m as PanelMessage, emit));
    },
    disconnect: () => {},
    onMessage: {
      addListener: (cb) => {
        listener = cb;
      },
    },
    onDisconnect: { addListener: () => {} },
  };
  const sent = (type: PanelMessage['type']) => received.filter((m) => m.type === type);
  return { connect: () => port, received, emit, sent };
}

export const BASE = 'http://localhost:11434';
export const DOWN: BackgroundMessage = {
  type: 'status',
  state: 'stopped',
  baseUrl: BASE,
  models: [],
  failure: { kind: 'refused', message: 'Cannot connect to Ollama server at http://localhost:11434.' },
};
export const UP: BackgroundMessage = { type: 'status', state: 'running', baseUrl: BASE, models: [{ name: 'llama3.2:latest' }] };
