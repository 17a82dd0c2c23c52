// @ts-check
// An Ollama HTTP server double for tests: faithful to the wire behaviour described in
// /work/docs/spec/ollama-wire.md, plus switches to inject the failures real setups produce.
import { createServer } from 'node:http';
import { authDecision } from './auth.mjs';
import { corsDecision } from './origin.mjs';
import { readBody, send } from './respond.mjs';
import { route } from './routes.mjs';
import { configureState, createState } from './state.mjs';

export { defaultReply, splitTokens } from './replies.mjs';

/** @typedef {import('./models.mjs').SimModel} SimModel */
/** @typedef {import('./state.mjs').SimOptions} SimOptions */
/** @typedef {import('./state.mjs').SimFaults} SimFaults */
/** @typedef {import('./respond.mjs').SimRequest} SimRequest */

/** @typedef {Readonly<Pick<SimulatorShape, 'url' | 'port' | 'requests'>> & Omit<SimulatorShape, 'url' | 'port' | 'requests'>} Simulator */
/**
 * @typedef {object} SimulatorShape
 * @property {string} url 'http://127.0.0.1:PORT'
 * @property {number} port
 * @property {SimRequest[]} requests every request, in order, with the status answered
 * @property {(opts: Partial<Omit<SimOptions, 'host' | 'port'>>) => void} configure change options at runtime
 *   (faults here are applied without waiting: prefer setFaults)
 * @property {(f: SimFaults) => Promise<void>} setFaults replaces faults; resolves once the listening/refusing state is in effect
 * @property {() => number} activeStreams /api/chat responses currently being written (including the model-load wait)
 * @property {(pred: (r: SimRequest) => boolean, timeoutMs?: number) => Promise<SimRequest>} waitForRequest resolves with the
 *   first matching request, already received or later; rejects after timeoutMs (default 5000) or on close
 * @property {() => Promise<void>} close closes the server and destroys open sockets
 */

/** @param {Buffer} raw */
function logBody(raw) {
  if (raw.length === 0) return undefined;
  const text = raw.toString('utf8');
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/**
 * @param {SimOptions} [options]
 * @returns {Promise<Simulator>}
 */
export async function startSimulator(options = {}) {
  const host = options.host ?? '127.0.0.1';
  const state = createState(options);
  /** @type {SimRequest[]} */
  const requests = [];
  /** @type {Set<{ offer: (r: SimRequest) => void, fail: (e: Error) => void }>} */
  const watchers = new Set();
  /** @type {Set<import('node:net').Socket>} */
  const sockets = new Set();
  let listening = false;
  let closed = false;

  const server = createServer(async (req, res) => {
    const raw = await readBody(req);
    const url = new URL(req.url ?? '/', 'http://sim');
    /** @type {SimRequest} */
    const rec = {
      method: req.method ?? '',
      path: url.pathname,
      origin: req.headers.origin,
      headers: { ...req.headers },
      body: logBody(raw),
      status: 0,
    };
    let logged = false;
    const ac = new AbortController();
    res.once('close', () => ac.abort());
    res.on('error', () => {}); // a client that vanished mid-write is routine here
    /** @type {import('./respond.mjs').Ctx} */
    const ctx = {
      req,
      res,
      raw,
      rec,
      state,
      signal: ac.signal,
      commit(status) {
        rec.status = status;
        if (logged) return;
        logged = true;
        requests.push(rec);
        for (const w of watchers) w.offer(rec);
      },
    };
    try {
      // The proxy answers before Ollama sees anything, its Origin check included.
      const auth = authDecision(req, state.opts.requireAuth);
      if (auth) return send(ctx, auth.status, auth.body, 'application/json', auth.headers);
      const cors = corsDecision(req, state.opts.allowOrigins);
      if (cors.kind === 'forbidden') return send(ctx, 403, '', undefined);
      if (cors.kind === 'preflight') return send(ctx, 204, '', undefined, cors.headers);
      if (cors.kind === 'cors') for (const [k, v] of Object.entries(cors.headers)) res.setHeader(k, v);
      await route(ctx, url.pathname);
    } catch (e) {
      // A bug in the simulator: make it loud in the test that hit it rather than hang.
      const message = e instanceof Error ? e.message : String(e);
      if (!res.headersSent) send(ctx, 500, JSON.stringify({ error: `simulator: ${message}` }), 'application/json');
      else res.destroy();
    }
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });

  /** @param {number} port */
  const listen = (port) =>
    new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => {
        server.off('error', reject);
        listening = true;
        resolve(null);
      });
    });
  const stopListening = () =>
    new Promise((resolve) => {
      if (!listening) return resolve(null);
      listening = false;
      server.close(() => resolve(null));
      // A real crash drops every connection, including idle keep-alive ones a client would reuse.
      for (const s of sockets) s.destroy();
    });

  await listen(options.port ?? 0);
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  // Refusing from the start still reserves a port, so that clearing the fault can listen on it.
  if (state.opts.faults.refuse) await stopListening();

  // Transitions run one after another so that quick refuse/clear calls cannot overlap a close.
  let transition = Promise.resolve();
  /** @param {SimFaults} faults */
  const applyFaults = (faults) => {
    state.opts.faults = { ...faults };
    const next = transition.then(async () => {
      const refuse = Boolean(state.opts.faults.refuse);
      if (closed || refuse === !listening) return;
      await (refuse ? stopListening() : listen(port));
    });
    transition = next.catch(() => {});
    return next;
  };

  /** @type {Simulator} */
  const sim = {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    port,
    requests,
    configure(opts) {
      const { faults, ...rest } = opts;
      configureState(state, rest);
      if (faults) void applyFaults(faults).catch(() => {});
    },
    setFaults: applyFaults,
    activeStreams: () => state.active,
    waitForRequest(pred, timeoutMs = 5000) {
      const seen = requests.find(pred);
      if (seen) return Promise.resolve(seen);
      return new Promise((resolve, reject) => {
        const watcher = {
          /** @param {SimRequest} r */
          offer(r) {
            if (pred(r)) settle(() => resolve(r));
          },
          /** @param {Error} e */
          fail: (e) => settle(() => reject(e)),
        };
        /** @param {() => void} done */
        const settle = (done) => {
          clearTimeout(timer);
          watchers.delete(watcher);
          done();
        };
        const timer = setTimeout(() => {
          const log = requests.map((r) => `${r.method} ${r.path} ${r.status}`).join(', ');
          watcher.fail(new Error(`waitForRequest: no match within ${timeoutMs} ms (seen: ${log || 'none'})`));
        }, timeoutMs);
        watchers.add(watcher);
      });
    },
    async close() {
      closed = true;
      for (const w of watchers) w.fail(new Error('waitForRequest: simulator closed'));
      await transition;
      await stopListening();
    },
  };
  return sim;
}
