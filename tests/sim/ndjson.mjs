// @ts-check
// Encoding like Go's encoding/json, and putting NDJSON bytes on the wire the way a real network
// delivers them: cut at arbitrary byte offsets, sometimes inside a UTF-8 character, sometimes with a
// line's tail travelling together with the next line.
import { setImmediate as immediate } from 'node:timers/promises';

/** @typedef {import('node:http').ServerResponse} ServerResponse */

/**
 * JSON.stringify plus the escaping Go applies by default (json.Marshal HTML-escapes).
 * @param {unknown} value
 * @returns {string}
 */
export function goJson(value) {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * mulberry32: tiny, seedable, good enough to pick cut offsets.
 * @param {number} seed
 * @returns {() => number} uniform in [0, 1)
 */
export function createRandom(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A cut offset in [lo, hi]. Half of the time it is chosen before a UTF-8 continuation byte when
 * there is one, because those splits are the ones that break naive decoders.
 * @param {Buffer} buf
 * @param {number} lo
 * @param {number} hi
 * @param {() => number} rand
 */
function pickCut(buf, lo, hi, rand) {
  if (rand() < 0.5) {
    const inside = [];
    for (let i = lo; i <= hi; i++) if (((buf[i] ?? 0) & 0xc0) === 0x80) inside.push(i);
    if (inside.length > 0) return /** @type {number} */ (inside[Math.floor(rand() * inside.length)]);
  }
  return lo + Math.floor(rand() * (hi - lo + 1));
}

/**
 * @typedef {object} PushOptions
 * @property {boolean} [final]  flush everything held, this line included
 * @property {(sentAtMs: number) => void} [onWritten]  once the line's last byte is handed to the socket
 */

/**
 * @typedef {object} Wire
 * @property {(line: string, opts?: PushOptions) => Promise<void>} push  one line without its \n
 * @property {() => Promise<void>} flush  puts every held byte on the wire
 * @property {() => boolean} started  whether any byte (hence the status line) was sent
 */

/**
 * @param {ServerResponse} res  head already set with writeHead; it is sent with the first bytes
 * @param {() => number} rand
 * @param {() => Promise<unknown>} gap  pause between pieces, so that clients read them separately
 * @param {{ whole?: boolean }} [mode]  whole: every line leaves in one write, never cut or held
 * @returns {Wire}
 */
export function createWire(res, rand, gap, { whole = false } = {}) {
  let pending = Buffer.alloc(0);
  let sent = false;
  // Byte offsets, so that a line held back or cut into pieces reports when its LAST byte left.
  let queued = 0;
  let written = 0;
  /** @type {{ end: number, cb: (sentAtMs: number) => void }[]} */
  const waiting = [];
  const closed = new Promise((resolve) => res.once('close', resolve));

  /** @param {Buffer} piece */
  const write = async (piece) => {
    if (res.destroyed || res.writableEnded) return;
    sent = true;
    // Same expression as a browser page's clock, so both sides can be compared (bench/).
    const at = performance.timeOrigin + performance.now();
    const flushed = new Promise((resolve) => res.write(piece, resolve));
    written += piece.length;
    while (waiting.length > 0 && (waiting[0]?.end ?? Infinity) <= written) waiting.shift()?.cb(at);
    await Promise.race([flushed, closed]);
  };

  /** @param {Buffer} out */
  const writePieces = async (out) => {
    const r = rand();
    const count = out.length < 2 ? 1 : r < 0.5 ? 1 : r < 0.8 ? 2 : 3;
    const cuts = new Set();
    for (let i = 1; i < count; i++) cuts.add(pickCut(out, 1, out.length - 1, rand));
    let from = 0;
    for (const cut of [...cuts].sort((a, b) => a - b)) {
      await write(out.subarray(from, cut));
      await gap();
      from = cut;
    }
    await write(out.subarray(from));
  };

  const flush = async () => {
    const out = pending;
    pending = Buffer.alloc(0);
    if (out.length > 0) await writePieces(out);
  };

  return {
    started: () => sent,
    flush,
    async push(line, { final = false, onWritten } = {}) {
      const bytes = Buffer.from(`${line}\n`);
      const held = pending.length;
      pending = Buffer.concat([pending, bytes]);
      queued += bytes.length;
      if (onWritten) waiting.push({ end: queued, cb: onWritten });
      if (!sent || whole) {
        // Status, headers and the whole first line leave together, like Go's first Flush.
        const out = pending;
        pending = Buffer.alloc(0);
        await write(out);
        return;
      }
      if (final || held > 0) return flush();
      const r = rand();
      let keep = 0;
      if (r < 0.15)
        keep = bytes.length; // travels with the next line: one chunk, several lines
      else if (r < 0.45) keep = pending.length - pickCut(pending, 1, pending.length - 1, rand);
      const out = pending.subarray(0, pending.length - keep);
      pending = pending.subarray(pending.length - keep);
      if (out.length > 0) await writePieces(out);
    },
  };
}

/** Lines a broken proxy or a buggy server might interleave; none of them parses as JSON. */
export const GARBAGE_LINES = ['{"model":', 'not json', '{"message":{"role":"assistant","content":"trunc', '}{', 'data: {"done":false}'];

/** @returns {Promise<void>} */
export const nextMacrotask = () => immediate();
