// @vitest-environment node
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { afterEach, describe, expect, it } from 'vitest';
import { JsonItemsError, MAX_ITEM_BYTES, splitJsonArray } from '../../../lib/conversations/json-items';
import { conv } from './helpers';
import { installI18n } from '../../support/i18n';

const bytes = (text: string) => new TextEncoder().encode(text);

/** Splits `text` fed in pieces of `size` bytes; returns the items' texts. */
function split(text: string | Uint8Array, size = Number.POSITIVE_INFINITY): string[] {
  const all = typeof text === 'string' ? bytes(text) : text;
  const decoder = new TextDecoder();
  const items: string[] = [];
  const s = splitJsonArray((b) => items.push(decoder.decode(b)));
  for (let at = 0; at < all.length; at += Math.min(size, all.length)) s.push(all.subarray(at, at + size));
  s.end();
  expect(s.count).toBe(items.length);
  return items;
}

const problem = (text: string) => {
  try {
    split(text);
  } catch (e) {
    if (e instanceof JsonItemsError) return e;
    throw e;
  }
  throw new Error('no error');
};

describe('splitJsonArray', () => {
  // Brackets, braces, commas, quotes and backslashes inside strings, an escaped backslash before a
  // closing quote, multi-byte characters (é, 你, an emoji), nesting, primitives, empty containers.
  const tricky = [
    { id: 'a', title: 'has ] and } and , and [ {', model: 'm "quoted"', messages: [] },
    { id: 'b', title: 'ends in a backslash \\', note: 'tab\tnewline\nunicode \u00e9 你好 😀' },
    [1, [2, [3, {}]], []],
    'a string item with \\" and ]',
    42,
    -1.5e3,
    true,
    null,
    {},
  ];

  it('gives every item back exactly, however the bytes are cut (every cut point of a small file)', () => {
    const text = JSON.stringify(tricky, null, 2);
    const expected = tricky.map((v) => JSON.stringify(v));
    for (let size = 1; size <= 40; size++) {
      expect(split(text, size).map((t) => JSON.stringify(JSON.parse(t)))).toEqual(expected);
    }
    expect(split(JSON.stringify(tricky)).map((t) => JSON.parse(t))).toEqual(tricky);
  });

  it('reads an export as written (pretty, newest first), conversations and all', () => {
    const list = [conv('x', '2026-01-02T00:00:00Z'), conv('y', '2026-01-01T00:00:00Z')];
    expect(split(`${JSON.stringify(list, null, 2)}\n`, 7).map((t) => JSON.parse(t))).toEqual(list);
  });

  it('skips a UTF-8 byte order mark and surrounding whitespace; an empty array has no items', () => {
    expect(split(new Uint8Array([0xef, 0xbb, 0xbf, ...bytes(' [ {"id":"a"} ] \n')]))).toEqual(['{"id":"a"}']);
    expect(split('\r\n[\t]\n')).toEqual([]);
  });

  it('counts without building anything when no callback is given', () => {
    const s = splitJsonArray();
    s.push(bytes('[{"a":1},{"b":"]"},'));
    s.push(bytes('3]'));
    s.end();
    expect(s.count).toBe(3);
  });

  it('says what is wrong with a file that is not one JSON array, and where', () => {
    expect(problem('{"id": "a"}')).toMatchObject({ notArray: true, message: 'Expected a JSON array of conversations, but the file starts with "{"' });
    expect(problem('')).toMatchObject({ notArray: false, message: 'The file is empty: expected a JSON array of conversations' });
    expect(problem('[{"a":1} {"b":2}]').message).toBe('The file is not valid JSON: expected "," or "]" after item 1, found "{" (at byte 10)');
    expect(problem('[{"a":1},]').message).toBe('The file is not valid JSON: expected a conversation after item 1, found "]" (at byte 10)');
    expect(problem('[,{"a":1}]').message).toContain('expected a conversation at the start of the array, found ","');
    expect(problem('[{"a":1}] x').message).toContain('more text after the end of the array, starting with "x" (at byte 11)');
    expect(problem('[{"a":1},{"b":"cut off').message).toBe('The file ends before its array is closed (after item 1): it may be cut off');
    expect(problem('[1').message).toContain('ends before its array is closed');
  });

  it('refuses an item too large to send in one message', () => {
    const s = splitJsonArray(() => {});
    s.push(bytes('[{"big":"'));
    const chunk = new Uint8Array(1024 * 1024).fill(0x61);
    expect(() => {
      for (let i = 0; i <= MAX_ITEM_BYTES / chunk.length; i++) s.push(chunk);
    }).toThrow(/Item 1 is larger than 16 MB/);
  });
});

describe('JSON problems in Japanese', () => {
  afterEach(() => installI18n(fakeBrowser));

  it('come from the catalog, with the item and byte filled in', () => {
    installI18n(fakeBrowser, 'ja');
    expect(problem('[{"a":1} {"b":2}]')?.message).toBe(
      'ファイルは有効な JSON ではありません: 項目 1 の後に "," または "]" が必要です (実際の値: "{") (バイト位置 10)',
    );
  });
});
