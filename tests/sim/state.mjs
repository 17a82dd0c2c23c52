// @ts-check
// The simulator's mutable state, shared by the route handlers: options that tests change at
// runtime, injected faults, the PRNG and the models "loaded in memory" (/api/ps).
import { createRandom } from './ndjson.mjs';
import { DEFAULT_MODELS, DEFAULT_REGISTRY } from './models.mjs';

/** @typedef {import('./models.mjs').SimModel} SimModel */

/**
 * Failures to inject; setFaults replaces the whole set.
 * @typedef {object} SimFaults
 * @property {boolean} [refuse] stop listening: connections are refused (ECONNREFUSED) until cleared; then the SAME port listens again
 * @property {{ code: number, body: string, contentType?: string }} [status] the next /api/chat that passes validation answers this instead (e.g. 503 busy)
 * @property {number} [dieAfterTokens] destroy the socket after N content tokens (no done line)
 * @property {{ n: number, message: string }} [errorAfterTokens] after N content tokens send one line {"error": message} and end the response (no done line); N=0: 500 JSON
 * @property {number} [stallAfterTokens] after N content tokens send nothing more; the connection stays open until the client aborts
 * @property {{ n: number, ms: number }} [pauseAfterTokens] after N content tokens send nothing for `ms`, then go on with the reply (a long pause mid-reply)
 * @property {boolean} [garbageLines] interleave unparseable lines between real lines (each ends with \n)
 * @property {string} [pullError] /api/pull answers this error line after "pulling manifest" (e.g. a full disk)
 * @property {boolean} [once] chat faults (status/die/error/stall/garbage) apply to the next /api/chat only, then clear themselves
 */

/**
 * @typedef {object} SimOptions
 * @property {string} [host] default '127.0.0.1'
 * @property {number} [port] default 0 (ephemeral)
 * @property {SimModel[]} [models] default: llama3.2:latest (completion,tools), qwen3:0.6b (completion,thinking), llama3:latest
 * @property {string[]} [allowOrigins] like OLLAMA_ORIGINS, put in front of the default allow list; '*' allows all; one '*' wildcard per entry
 * @property {number} [tokensPerSecond] default 50; 0 or Infinity = as fast as possible
 * @property {number} [firstTokenDelayMs] default 0: model load time before status + headers + first line
 * @property {number} [replyTokens] default 30: length of the generated reply in tokens
 * @property {(req: { model: string, messages: { role: string, content: string }[] }) => string} [reply] overrides the generated text; it is streamed as splitTokens(text)
 * @property {(index: number, text: string, sentAtMs: number) => void} [onToken] Called for each content
 *   token (0-based `index`, thinking excluded) of a streamed reply, right after the last byte of its line
 *   was handed to the socket; `sentAtMs` is `performance.timeOrigin + performance.now()` taken just before
 *   that write, the same clock a browser page reads on this machine. Passing `undefined` to configure() removes it.
 * @property {boolean} [wholeLines] default false: when true each NDJSON line leaves in one write, never cut or
 *   held back (as a local Ollama flushes them), so that high token rates keep their pace (no ms timers between pieces)
 * @property {number} [seed] seed of the PRNG that picks chunk split offsets (default 1)
 * @property {SimFaults} [faults]
 * @property {string} [version] default '0.32.15'
 * @property {SimModel[]} [registry] models /api/pull can fetch (default: llama3.2:1b, qwen3:1.7b)
 * @property {number} [pullMs] default 1000: how long the weights layer of a pull takes
 * @property {string} [requireAuth] stands behind a reverse proxy that wants exactly this Authorization header
 *   (e.g. 'Bearer s3cret'): any other request, on every path, gets the proxy's 401 (tests/sim/auth.mjs)
 */

/**
 * @typedef {object} Settings
 * @property {SimModel[]} models
 * @property {string[]} allowOrigins
 * @property {number} tokensPerSecond
 * @property {number} firstTokenDelayMs
 * @property {number} replyTokens
 * @property {SimOptions['reply']} reply
 * @property {SimOptions['onToken']} onToken
 * @property {boolean} wholeLines
 * @property {string} version
 * @property {SimModel[]} registry
 * @property {number} pullMs
 * @property {string | undefined} requireAuth
 * @property {SimFaults} faults
 */

/**
 * @typedef {object} State
 * @property {Settings} opts
 * @property {() => number} rand
 * @property {Map<string, { model: SimModel, expiresAt: number, contextLength: number }>} loaded
 * @property {number} active  /api/chat responses being written
 * @property {Map<string, Map<string, number>>} pulled  bytes fetched per layer of unfinished pulls
 */

/**
 * @param {SimOptions} opts
 * @returns {State}
 */
export function createState(opts) {
  /** @type {State} */
  const state = {
    opts: {
      models: DEFAULT_MODELS,
      allowOrigins: [],
      tokensPerSecond: 50,
      firstTokenDelayMs: 0,
      replyTokens: 30,
      reply: undefined,
      onToken: undefined,
      wholeLines: false,
      version: '0.32.15',
      registry: DEFAULT_REGISTRY,
      pullMs: 1000,
      requireAuth: undefined,
      faults: {},
    },
    rand: createRandom(1),
    loaded: new Map(),
    active: 0,
    pulled: new Map(),
  };
  configureState(state, opts);
  return state;
}

/**
 * @param {State} state
 * @param {Partial<SimOptions>} opts
 */
export function configureState(state, opts) {
  const { host: _h, port: _p, seed, ...rest } = /** @type {SimOptions} */ (opts);
  for (const [key, value] of Object.entries(rest)) {
    // `undefined` keeps the current value (handy for `configure({ ...maybe })`), except for
    // `reply`, where it brings the default generated text back, and `onToken`, which it removes.
    if (value !== undefined || key === 'reply' || key === 'onToken') Object.assign(state.opts, { [key]: value });
  }
  if (seed !== undefined) state.rand = createRandom(seed);
}

/**
 * The faults this /api/chat request runs with; `once` faults are used up by taking them.
 * @param {State} state
 * @returns {SimFaults}
 */
export function takeChatFaults(state) {
  const faults = state.opts.faults;
  if (faults.once) state.opts.faults = faults.refuse ? { refuse: true } : {};
  return faults;
}

/** @param {number} tokensPerSecond */
export function tokenIntervalMs(tokensPerSecond) {
  return tokensPerSecond > 0 && Number.isFinite(tokensPerSecond) ? 1000 / tokensPerSecond : 0;
}

/**
 * keep_alive as Ollama reads it: seconds as a number, or a Go duration ("10m", "1h30m", "-1").
 * @param {unknown} value
 * @returns {number} milliseconds; Infinity when negative (keep forever)
 */
export function keepAliveMs(value) {
  const fallback = 5 * 60 * 1000;
  if (typeof value === 'number') return value < 0 ? Number.POSITIVE_INFINITY : value * 1000;
  if (typeof value !== 'string' || value.trim() === '') return fallback;
  if (/^-?\d+(\.\d+)?$/.test(value.trim())) return keepAliveMs(Number(value));
  const units = { ns: 1e-6, us: 1e-3, µs: 1e-3, ms: 1, s: 1000, m: 60000, h: 3600000 };
  let ms = 0;
  const negative = value.trim().startsWith('-');
  for (const [, n, unit] of value.matchAll(/(\d+(?:\.\d+)?)(ns|us|µs|ms|s|m|h)/g)) {
    ms += Number(n) * units[/** @type {keyof typeof units} */ (unit)];
  }
  return negative ? Number.POSITIVE_INFINITY : ms;
}
