// The simulator's mutable state, shared by the route handlers: options that tests change at
// runtime, injected faults, the PRNG and the models "loaded in memory" (/api/ps).
import { createRandom } from './ndjson.mjs';
import { DEFAULT_MODELS } from './models.mjs';

/** @typedef {import('./server.mjs').SimOptions} SimOptions */
/** @typedef {import('./server.mjs').SimFaults} SimFaults */
/** @typedef {import('./server.mjs').SimModel} SimModel */

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
 * @property {SimFaults} faults
 */

/**
 * @typedef {object} State
 * @property {Settings} opts
 * @property {() => number} rand
 * @property {Map<string, { model: SimModel, expiresAt: number, contextLength: number }>} loaded
 * @property {number} active  /api/chat responses being written
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
      faults: {},
    },
    rand: createRandom(1),
    loaded: new Map(),
    active: 0,
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
