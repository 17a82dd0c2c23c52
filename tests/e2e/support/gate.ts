/**
 * A pass-through in front of the simulator that can hold the model list (GET /api/tags): while
 * held, a panel that just opened has asked for its status and not heard back, i.e. it is still
 * loading. The background's health check gives up after 2 s (lib/ollama/client.ts), so a test
 * releases it well before that.
 */
import { createServer, type IncomingMessage, request, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Gate {
  /** http://127.0.0.1:<port>: configure this as the Ollama URL. */
  readonly url: string;
  /** Holds /api/tags requests from now on; resolves with the time the first one arrived. */
  hold(): Promise<number>;
  /** Lets held and later requests through. */
  release(): void;
  close(): Promise<void>;
}

export async function startGate(upstream: string): Promise<Gate> {
  const target = new URL(upstream);
  let held: (() => void)[] | null = null;
  let arrived: ((at: number) => void) | null = null;

  const forward = (req: IncomingMessage, res: ServerResponse) => {
    const out = request({ host: target.hostname, port: target.port, method: req.method, path: req.url, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    // The browser may give up on a held request (its 2 s timeout): nothing to answer then.
    out.on('error', () => res.destroy());
    res.on('close', () => out.destroy());
    req.pipe(out);
  };
  const server = createServer((req, res) => {
    if (held && req.url?.startsWith('/api/tags')) {
      held.push(() => forward(req, res));
      arrived?.(Date.now());
      arrived = null;
      return;
    }
    forward(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    hold() {
      held = [];
      return new Promise((resolve) => {
        arrived = resolve;
      });
    },
    release() {
      const waiting = held ?? [];
      held = null;
      for (const go of waiting) go();
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
