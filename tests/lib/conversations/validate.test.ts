// @vitest-environment node
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { afterEach, describe, expect, it } from 'vitest';
import { itemChecker, parseConversations, parseConversationsJson } from '../../../lib/conversations/validate';
import { assistant, conv, ORIGINAL_DUMP, user } from './helpers';
import { installI18n } from '../../support/i18n';

type Loose = Record<string, unknown>;
const valid = (): Loose => ({ ...conv('conv-1-aaaaaaaaa', '2026-01-01T00:00:00.000Z'), title: 'Hello' });
const withMessage = (m: unknown): Loose => ({ ...valid(), messages: [user('q'), m] });
const errorOf = (value: unknown): string => {
  const r = parseConversations(value);
  if (r.ok) throw new Error('expected a parse error');
  return r.error;
};

describe('parseConversations: accepted values', () => {
  it('treats undefined and null as "nothing stored yet"', () => {
    expect(parseConversations(undefined)).toEqual({ ok: true, conversations: [] });
    expect(parseConversations(null)).toEqual({ ok: true, conversations: [] });
    expect(parseConversations([])).toEqual({ ok: true, conversations: [] });
  });

  it('accepts status and thinking on messages', () => {
    const item = { ...valid(), messages: [user('q'), assistant('partial', { status: 'interrupted', thinking: 'hmm' })] };
    const r = parseConversations([item]);
    expect(r).toEqual({ ok: true, conversations: [item] });
  });

  it('keeps a reply’s valid stats and drops malformed ones without refusing the conversation', () => {
    const stats = { model: 'llama3.2', evalCount: 42, evalDurationNs: 1e9, totalDurationNs: 2e9, promptEvalCount: 9, ttftMs: 150 };
    const good = { ...valid(), messages: [user('q'), assistant('a', { stats })] };
    expect(parseConversations([good])).toEqual({ ok: true, conversations: [good] });
    for (const bad of [{ model: 'm', evalCount: -3 }, 'fast', { evalCount: 1 }, { model: 'm', ttftMs: '1' }]) {
      const r = parseConversations([{ ...valid(), messages: [user('q'), assistant('a', { stats: bad as never })] }]);
      expect(r.ok && r.conversations[0]?.messages[1]).toEqual(assistant('a'));
    }
    const checked = itemChecker(Date.parse('2026-01-02T00:00:00.000Z'))(
      { ...valid(), messages: [assistant('a', { stats: { model: 'm', evalCount: null } as never })] },
      0,
    );
    expect(checked.ok && checked.conversation.messages[0]).toEqual(assistant('a'));
  });

  it('keeps unknown extra fields on items and messages', () => {
    const item = { ...valid(), pinned: true, tags: ['x'], messages: [{ ...user('q'), images: ['abc'], meta: { a: 1 } }] };
    const r = parseConversations([item]);
    expect(r.ok && r.conversations[0]).toEqual(item);
  });

  it('returns copies: changing the result leaves the input alone', () => {
    const input = [valid()];
    const r = parseConversations(input);
    if (!r.ok) throw new Error(r.error);
    r.conversations[0]?.messages.push(user('more'));
    expect((input[0] as Loose).messages).toHaveLength(2);
  });

  it("imports the original app's localStorage dump as is", () => {
    const r = parseConversationsJson(ORIGINAL_DUMP);
    if (!r.ok) throw new Error(r.error);
    expect(r.conversations).toEqual(JSON.parse(ORIGINAL_DUMP));
    expect(r.conversations.map((c) => c.title)).toEqual([
      'Explique-moi la différence entre une liste et un t...',
      '東京でおすすめのラーメン屋さんを教えて 🍜',
      'Untitled Conversation',
    ]);
  });
});

describe('parseConversations: errors name the problem', () => {
  it.each([
    [{}, 'Expected a JSON array of conversations, got an object'],
    ['[]', 'Expected a JSON array of conversations, got a string'],
    [42, 'Expected a JSON array of conversations, got a number'],
    [true, 'Expected a JSON array of conversations, got a boolean'],
  ])('top level %j', (value, message) => expect(errorOf(value)).toBe(message));

  it.each<[string, unknown[], string]>([
    ['a non-object item', [valid(), 'x'], 'Item 2: expected an object, got "x"'],
    ['an array item', [[]], 'Item 1: expected an object, got an array'],
    ['a missing id', [{ ...valid(), id: undefined }], 'Item 1 ("Hello"): id must be a non-empty string, got nothing (the field is missing)'],
    ['an empty id', [{ ...valid(), id: '' }], 'Item 1 ("Hello"): id must be a non-empty string, got ""'],
    ['a numeric id', [{ ...valid(), id: 7 }], 'Item 1 ("Hello"): id must be a non-empty string, got 7'],
    ['a numeric title', [{ ...valid(), title: 5 }], 'Item 1: title must be a string, got 5'],
    ['a missing model', [{ ...valid(), model: undefined }], 'Item 1 ("Hello"): model must be a string, got nothing (the field is missing)'],
    ['messages as object', [{ ...valid(), messages: {} }], 'Item 1 ("Hello"): messages must be an array, got an object'],
    ['a null message', [withMessage(null)], 'Item 1 ("Hello"): messages[1] must be an object, got null'],
    ['a system role', [withMessage({ ...user('x'), role: 'system' })], 'Item 1 ("Hello"): messages[1].role must be "user" or "assistant", got "system"'],
    ['a null content', [withMessage({ ...user('x'), content: null })], 'Item 1 ("Hello"): messages[1].content must be a string, got null'],
    [
      'a numeric timestamp',
      [withMessage({ ...user('x'), timestamp: 1732547012345 })],
      'Item 1 ("Hello"): messages[1].timestamp must be a string, got 1732547012345',
    ],
    [
      'a bad status',
      [withMessage(assistant('x', { status: 'failed' as 'stopped' }))],
      'Item 1 ("Hello"): messages[1].status must be "interrupted" or "stopped" when present, got "failed"',
    ],
    ['a bad thinking', [withMessage({ ...assistant('x'), thinking: 3 })], 'Item 1 ("Hello"): messages[1].thinking must be a string when present, got 3'],
    ['a missing created_at', [{ ...valid(), created_at: undefined }], 'Item 1 ("Hello"): created_at must be a string, got nothing (the field is missing)'],
    ['a numeric updated_at', [{ ...valid(), updated_at: 0 }], 'Item 1 ("Hello"): updated_at must be a string, got 0'],
  ])('rejects %s', (_, value, message) => expect(errorOf(value)).toBe(message));

  it('reproduces the example from the brief', () => {
    const items = [valid(), { ...valid(), id: 'b' }, { ...valid(), id: 'c', title: 'My title' }];
    const third = items[2] as Loose;
    third.messages = [user('a'), assistant('b'), { role: 'system', content: 'c', timestamp: 't' }];
    expect(errorOf(items)).toBe('Item 3 ("My title"): messages[2].role must be "user" or "assistant", got "system"');
  });

  it('names a duplicate id and where it was first used', () => {
    const items = [valid(), { ...valid(), id: 'other' }, { ...valid(), title: 'Again' }];
    expect(errorOf(items)).toBe('Item 3 ("Again"): id "conv-1-aaaaaaaaa" is already used by item 1');
  });

  it('clips long titles and values in messages without splitting emoji', () => {
    const item = { ...valid(), title: `${'t'.repeat(39)}😀 and much more`, model: `${'m'.repeat(39)}😀 tail` };
    const message = errorOf([{ ...item, model: 1 }]);
    expect(message).toBe(`Item 1 ("${'t'.repeat(39)}😀…"): model must be a string, got 1`);
    const long = errorOf([withMessage({ ...user('x'), role: `${'r'.repeat(39)}😀 tail` })]);
    expect(long).toContain(`got "${'r'.repeat(39)}😀…"`);
  });
});

describe('parseConversationsJson', () => {
  it('explains invalid JSON with the parser message', () => {
    let parserMessage = '';
    try {
      JSON.parse('[{"id": }');
    } catch (e) {
      parserMessage = (e as Error).message;
    }
    const r = parseConversationsJson('[{"id": }');
    expect(r).toEqual({ ok: false, error: `The file is not valid JSON: ${parserMessage}` });
  });

  it.each(['', '  \n\t'])('says an empty file is empty (%j)', (text) => {
    expect(parseConversationsJson(text)).toEqual({
      ok: false,
      error: 'The file is empty: expected a JSON array of conversations',
    });
  });

  it('rejects a file holding null or an object', () => {
    expect(parseConversationsJson('null')).toEqual({ ok: false, error: 'Expected a JSON array of conversations, got null' });
    expect(parseConversationsJson('{"a":1}')).toEqual({
      ok: false,
      error: 'Expected a JSON array of conversations, got an object',
    });
  });

  it('accepts a BOM and a value quoted once more by the developer tools', () => {
    const expected = JSON.parse(ORIGINAL_DUMP);
    expect(parseConversationsJson(`\uFEFF${ORIGINAL_DUMP}`)).toEqual({ ok: true, conversations: expected });
    expect(parseConversationsJson(JSON.stringify(ORIGINAL_DUMP))).toEqual({ ok: true, conversations: expected });
  });

  it('still validates after parsing', () => {
    const r = parseConversationsJson('[{"id":"x"}]');
    expect(r).toEqual({ ok: false, error: 'Item 1: title must be a string, got nothing (the field is missing)' });
  });
});

describe('itemChecker (an import, item by item)', () => {
  const now = Date.parse('2026-06-01T12:00:00Z');

  it('refuses an id already used by an earlier item, in whatever batch it came', () => {
    const check = itemChecker(now);
    expect(check(conv('a', '2026-01-01T00:00:00Z'), 0)).toMatchObject({ ok: true });
    expect(check(conv('b', '2026-01-01T00:00:00Z'), 1)).toMatchObject({ ok: true });
    expect(check(conv('a', '2026-02-01T00:00:00Z'), 12_344)).toEqual({ ok: false, error: 'Item 12,345 ("Title of a"): id "a" is already used by item 1' });
  });

  it('refuses a created_at or updated_at more than a day after now, naming the field and value', () => {
    const check = itemChecker(now);
    expect(check(conv('a', '2026-06-02T11:00:00Z'), 0)).toMatchObject({ ok: true }); // within the day of slack
    expect(check(conv('b', '2099-01-01T00:00:00Z'), 1)).toEqual({
      ok: false,
      error:
        'Item 2 ("Title of b"): updated_at is "2099-01-01T00:00:00Z", more than a day after now: the file (or the clock of the machine that wrote it) is wrong',
    });
    expect(check(conv('c', '2026-01-01T00:00:00Z', { created_at: '2030-01-01T00:00:00Z' }), 2)).toMatchObject({
      ok: false,
      error: expect.stringContaining('created_at is "2030-01-01T00:00:00Z"'),
    });
  });

  it('holds stored data (no `now`) to the shape only: a wrong clock must not cost a saved chat', () => {
    expect(parseConversations([conv('a', '2099-01-01T00:00:00Z')])).toMatchObject({ ok: true });
    expect(parseConversations([conv('a', '2099-01-01T00:00:00Z')], now)).toMatchObject({ ok: false });
  });
});

describe('the conversation’s system prompt (issue 14)', () => {
  it('is kept when it is text, and dropped (not refused) otherwise', () => {
    const withSystem = { ...valid(), system: 'Talk like a pirate.' };
    expect(parseConversations([withSystem])).toEqual({ ok: true, conversations: [withSystem] });
    for (const bad of [42, null, '  ', ['x'], { text: 'x' }]) {
      expect(parseConversations([{ ...valid(), system: bad }])).toEqual({ ok: true, conversations: [valid()] });
    }
  });

  it('an older item without one stays exactly as it was', () => {
    const r = parseConversations([valid()]);
    expect(r).toEqual({ ok: true, conversations: [valid()] });
    expect(r.ok && 'system' in (r.conversations[0] ?? {})).toBe(false);
  });
});

describe('the conversation’s connection id (issue 14)', () => {
  it('is kept when it is an id, and dropped (not refused) otherwise: the default connection then applies', () => {
    const withConnection = { ...valid(), connection: 'c1x2y3' };
    expect(parseConversations([withConnection])).toEqual({ ok: true, conversations: [withConnection] });
    for (const bad of [42, null, '', 'has space', 'http://gpu.lan:11434', 'x'.repeat(65), { id: 'c1' }]) {
      expect(parseConversations([{ ...valid(), connection: bad }])).toEqual({ ok: true, conversations: [valid()] });
    }
  });

  it('an older export without one imports unchanged', () => {
    const r = parseConversationsJson(JSON.stringify([valid()]));
    expect(r).toEqual({ ok: true, conversations: [valid()] });
    expect(r.ok && 'connection' in (r.conversations[0] ?? {})).toBe(false);
  });
});

describe('import checks in German', () => {
  afterEach(() => installI18n(fakeBrowser));

  it("which item, which field and what was found, in the catalog's words", () => {
    installI18n(fakeBrowser, 'de');
    expect(parseConversations({})).toEqual({ ok: false, error: 'Erwartet wurde ein JSON-Array von Unterhaltungen, gefunden: ein Objekt' });
    const bad = { ...conv('conv-1-aaaaaaaaa', '2026-01-01T00:00:00.000Z'), title: 'Lamas', model: undefined };
    expect(parseConversations([bad])).toEqual({
      ok: false,
      error: 'Eintrag 1 („Lamas“): model muss eine Zeichenkette sein, gefunden: nichts (das Feld fehlt)',
    });
  });
});
