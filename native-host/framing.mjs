// @ts-check
// Native-messaging framing, both directions: a 4-byte little-endian length, then that many bytes of
// UTF-8 JSON. https://developer.chrome.com/docs/extensions/develop/concepts/native-messaging
import { messageOf } from './errors.mjs';

/**
 * What the decoder makes of the bytes: a message, a bad body (framing still in sync), or a broken
 * stream (nothing follows).
 * @typedef {{ type: 'message', value: unknown } | { type: 'invalid', error: string } | FatalEvent} FrameEvent
 * @typedef {{ type: 'fatal', error: string }} FatalEvent
 */

/** Largest message accepted from the browser; a longer header is answered with an error, then exit. */
export const MAX_IN = 1024 * 1024;
/** The browser rejects host messages over 1 MB; our replies are a few hundred bytes (see verbs.mjs). */
export const MAX_OUT = 1024 * 1024;

/**
 * One frame for `value`. Throws RangeError past MAX_OUT (never reached by the host's replies).
 * @param {unknown} value
 */
export function encode(value) {
  const body = Buffer.from(JSON.stringify(value), 'utf8');
  if (body.length > MAX_OUT) throw new RangeError(`Reply of ${body.length} bytes exceeds ${MAX_OUT}`);
  const header = Buffer.alloc(4);
  header.writeUInt32LE(body.length, 0);
  return Buffer.concat([header, body]);
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * @param {Buffer} body
 * @returns {FrameEvent}
 */
function parse(body) {
  try {
    return { type: 'message', value: JSON.parse(utf8.decode(body)) };
  } catch (err) {
    return { type: 'invalid', error: `Invalid JSON: ${messageOf(err).slice(0, 200)}` };
  }
}

/**
 * Incremental decoder: push() any split of the byte stream, get the complete frames so far.
 * Events: {type:'message', value} | {type:'invalid', error} (bad body; framing still in sync) |
 * {type:'fatal', error} (oversize length: the stream cannot be trusted any more; nothing follows).
 */
export class FrameDecoder {
  /** @type {Buffer[]} */
  #chunks = [];
  #size = 0;
  /** @type {number | null} body length once its header has been read, else null */
  #need = null;
  #dead = false;

  /**
   * @param {Buffer} chunk
   * @returns {FrameEvent[]}
   */
  push(chunk) {
    /** @type {FrameEvent[]} */
    const out = [];
    if (this.#dead || chunk.length === 0) return out;
    this.#chunks.push(chunk);
    this.#size += chunk.length;
    for (;;) {
      if (this.#need === null) {
        if (this.#size < 4) break;
        const length = this.#take(4).readUInt32LE(0);
        if (length > MAX_IN) {
          this.#dead = true;
          this.#chunks = [];
          this.#size = 0;
          out.push({ type: 'fatal', error: `Message too large: ${length} bytes (max ${MAX_IN})` });
          break;
        }
        this.#need = length;
      }
      if (this.#size < this.#need) break;
      const body = this.#take(this.#need);
      this.#need = null;
      out.push(parse(body));
    }
    return out;
  }

  /**
   * At end of input: null when the stream ended on a frame boundary, else a fatal 'Truncated' event.
   * @returns {FatalEvent | null}
   */
  end() {
    if (this.#dead || (this.#size === 0 && this.#need === null)) return null;
    this.#dead = true;
    const detail = this.#need === null ? `${this.#size} of 4 header bytes` : `${this.#size} of ${this.#need} body bytes`;
    return { type: 'fatal', error: `Truncated message: input ended after ${detail}` };
  }

  /** @param {number} n */
  #take(n) {
    const [only, ...more] = this.#chunks;
    const all = only && more.length === 0 ? only : Buffer.concat(this.#chunks, this.#size);
    const taken = all.subarray(0, n);
    const rest = all.subarray(n);
    this.#chunks = rest.length ? [rest] : [];
    this.#size = rest.length;
    return taken;
  }
}
