/**
 * Cuts a JSON array, as UTF-8 bytes, into its items' bytes as the bytes arrive, piece by piece,
 * without decoding or parsing them: an import reads a file of any size in small slices and sends
 * the items on in batches (components/state/import-run.ts), so neither the whole text nor the
 * whole parsed array is ever held at once. Working on bytes is exact (every byte that matters
 * here is ASCII, and ASCII bytes never occur inside a multi-byte UTF-8 character) and leaves no
 * large strings behind for the garbage collector. Only where each item ends is worked out here
 * (strings, escapes, bracket depth); JSON.parse of each item, in the background, finds any other
 * mistake. Together: the file is valid JSON exactly when this finds no problem and every item parses.
 */

import { t } from '../i18n';
import { megabytes } from '../megabytes';

/** A problem with the file as JSON, said for the person who picked it. */
export class JsonItemsError extends Error {
  /** `notArray`: the text does not start with "[" (an object, or an array quoted as a string). */
  constructor(
    message: string,
    readonly notArray = false,
  ) {
    super(message);
    this.name = 'JsonItemsError';
  }
}

export interface ItemSplitter {
  /** The next piece of the file; items it completes go to `onItem`. Throws JsonItemsError. */
  push(bytes: Uint8Array): void;
  /** The text ended: throws unless the array was closed. */
  end(): void;
  /** Items completed so far. */
  readonly count: number;
}

/** An item longer than this (bytes) is refused: it could not travel in one message. */
export const MAX_ITEM_BYTES = 16 * 1024 * 1024;

const BEFORE = 0; // expecting "["
const FIRST = 1; // after "[": an item or "]"
const ITEM = 2; // inside an item
const AFTER = 3; // after an item: "," or "]"
const NEXT = 4; // after ",": an item
const DONE = 5; // after "]": only whitespace

const isSpace = (c: number) => c === 32 || c === 10 || c === 13 || c === 9;
const shown = (c: number) => (c < 0x80 ? JSON.stringify(String.fromCharCode(c)) : t('json_items_byte', `0x${c.toString(16)}`));

/** Several pieces of one item, joined. */
function join(parts: Uint8Array[], size: number): Uint8Array {
  const out = new Uint8Array(size);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/**
 * `onItem` gets each item's bytes (a view, valid during the call); omitted, items are only
 * counted (and checked), copying nothing. A UTF-8 BOM at the start is skipped.
 */
export function splitJsonArray(onItem?: (bytes: Uint8Array) => void): ItemSplitter {
  let state = BEFORE;
  let count = 0;
  let offset = 0; // bytes before the current piece
  // The item being read: its bytes so far (pieces before this one) and how it is scanned.
  let parts: Uint8Array[] = [];
  let size = 0;
  let primitive = false; // a number or literal: ends at ",", "]" or whitespace
  let depth = 0;
  let inString = false;
  let escaped = false; // a backslash ended the previous piece
  // Next backslash and quote at or after the scan position (-1: not looked up in this piece), so
  // a long string with many escapes is still scanned in one pass.
  let nextSlash = -1;
  let nextQuote = -1;

  const fail = (what: string, at: number): never => {
    throw new JsonItemsError(t('json_items_invalid', what, offset + at + 1));
  };

  /** Scans the current item from `i`; returns where it ends (exclusive), or -1 past this piece. */
  const scan = (bytes: Uint8Array, i: number): number => {
    const n = bytes.length;
    if (primitive) {
      for (; i < n; i++) {
        const c = bytes[i] as number;
        if (c === 44 || c === 93 || isSpace(c)) return i;
      }
      return -1;
    }
    while (i < n) {
      if (inString) {
        if (escaped) {
          escaped = false;
          i++;
          continue;
        }
        if (nextSlash < i) nextSlash = bytes.indexOf(92, i) >>> 0; // "\\"; none: 2^32 - 1, past any piece
        if (nextQuote < i) nextQuote = bytes.indexOf(34, i) >>> 0; // '"'
        if (nextSlash < nextQuote) {
          i = nextSlash + 2;
          if (i > n) escaped = true;
          continue;
        }
        if (nextQuote >= n) return -1;
        i = nextQuote + 1;
        inString = false;
        if (depth === 0) return i; // an item that is a string
        continue;
      }
      const c = bytes[i++] as number;
      if (c === 34) inString = true;
      else if (c === 123 || c === 91) depth++;
      else if ((c === 125 || c === 93) && --depth === 0) return i;
    }
    return -1;
  };

  const begin = (c: number, at: number) => {
    if (c === 44 || c === 93) fail(count ? t('json_items_expected_item_after', count, shown(c)) : t('json_items_expected_item_first', shown(c)), at);
    state = ITEM;
    primitive = c !== 123 && c !== 91 && c !== 34;
    depth = 0;
    inString = false;
    escaped = false;
    parts = [];
    size = 0;
  };

  return {
    get count() {
      return count;
    },
    push(bytes) {
      const n = bytes.length;
      nextSlash = -1;
      nextQuote = -1;
      let i = offset === 0 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
      while (i < n) {
        if (state === ITEM) {
          const end = scan(bytes, i);
          size += (end < 0 ? n : end) - i;
          if (size > MAX_ITEM_BYTES) throw new JsonItemsError(t('json_items_too_large', count + 1, megabytes(MAX_ITEM_BYTES / 1048576)));
          if (end < 0) {
            // Copied: the caller may reuse or drop the piece.
            if (onItem) parts.push(bytes.slice(i));
            break;
          }
          count++;
          if (onItem) onItem(parts.length ? join([...parts, bytes.subarray(i, end)], size) : bytes.subarray(i, end));
          parts = [];
          state = AFTER;
          i = end;
          continue;
        }
        const c = bytes[i] as number;
        if (isSpace(c)) {
          i++;
          continue;
        }
        if (state === BEFORE) {
          if (c !== 91) throw new JsonItemsError(t('json_items_not_array', shown(c)), true);
          state = FIRST;
          i++;
        } else if (state === FIRST && c === 93) {
          state = DONE;
          i++;
        } else if (state === FIRST || state === NEXT) begin(c, i);
        else if (state === AFTER && (c === 44 || c === 93)) {
          state = c === 44 ? NEXT : DONE;
          i++;
        } else if (state === AFTER) fail(t('json_items_expected_separator', count, shown(c)), i);
        else fail(t('json_items_trailing', shown(c)), i);
      }
      offset += n;
    },
    end() {
      if (state === BEFORE) throw new JsonItemsError(t('json_items_empty'));
      if (state !== DONE) throw new JsonItemsError(t('json_items_cut', count));
    },
  };
}
