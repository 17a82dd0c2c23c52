// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { asConversationId, CONVERSATIONS_KEY, newConversationId, titleFor } from '../../../lib/conversations/contract';
import { assistant, ORIGINAL_DUMP, user } from './helpers';

const ID_FORMAT = /^conv-\d+-[0-9a-z]{9}$/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const seq = (values: number[]) => {
  let i = 0;
  return () => values[i++ % values.length] ?? 0;
};

describe('ids', () => {
  it('keeps the original storage key', () => expect(CONVERSATIONS_KEY).toBe('ollama_chat_conversations'));

  it('builds conv-<now>-<9 base36 chars> from the given clock and random source', () => {
    const id = newConversationId(1732547012345, seq([0, 0.5, 0.99, 0.1, 0.2, 0.3, 0.4, 0.6, 0.7]));
    expect(id).toBe('conv-1732547012345-0iz37aelp');
    expect(id).toMatch(ID_FORMAT);
  });

  it('always yields exactly 9 chars, even at the edges of random()', () => {
    expect(newConversationId(5, () => 0)).toBe('conv-5-000000000');
    expect(newConversationId(5, () => 0.999999)).toBe('conv-5-zzzzzzzzz');
    expect(newConversationId(5, () => 1)).toBe('conv-5-zzzzzzzzz');
  });

  it('defaults to Date.now() and Math.random()', () => {
    const before = Date.now();
    const a = newConversationId();
    const b = newConversationId();
    expect(a).toMatch(ID_FORMAT);
    expect(Number(a.split('-')[1])).toBeGreaterThanOrEqual(before);
    expect(a).not.toBe(b);
  });

  it('accepts any non-empty string as an id (imports keep their ids), rejects empty', () => {
    expect(asConversationId('conv-1-abcdefghi')).toBe('conv-1-abcdefghi');
    expect(asConversationId('42')).toBe('42');
    expect(asConversationId('')).toBeNull();
  });
});

describe('titleFor', () => {
  it('a question sent with only an attachment is titled by the attachment', () => {
    const at = { role: 'user' as const, content: '', timestamp: 't', attachments: [{ kind: 'page' as const, title: 'Llamas of the Andes', text: 'x' }] };
    expect(titleFor([at])).toBe('Llamas of the Andes');
    expect(titleFor([{ ...at, attachments: [{ kind: 'page' as const, title: ' ', text: 'x' }] }])).toBe('Untitled Conversation');
  });
  const a = (n: number) => 'a'.repeat(n);

  it('keeps exactly 50 chars without an ellipsis', () => expect(titleFor([user(a(50))])).toBe(a(50)));
  it('cuts 51 chars to 50 + "..."', () => expect(titleFor([user(a(51))])).toBe(`${a(50)}...`));
  it('keeps short content whole', () => expect(titleFor([user('Hi')])).toBe('Hi'));

  it('never splits an emoji at the boundary', () => {
    const title = titleFor([user(`${a(49)}😀bc`)]);
    expect(title).toBe(`${a(49)}😀...`);
    expect(title).not.toMatch(LONE_SURROGATE);
    // String.slice(0, 50) would have cut the surrogate pair in half:
    expect(`${a(49)}😀bc`.slice(0, 50)).toMatch(LONE_SURROGATE);
  });

  it('counts code points: 50 of them with an emoji need no ellipsis', () => {
    expect(titleFor([user(`${a(49)}😀`)])).toBe(`${a(49)}😀`);
  });

  it('does not trim, like the original', () => {
    expect(titleFor([user('  spaced out\nquestion  ')])).toBe('  spaced out\nquestion  ');
  });

  it('uses the first USER message, even after an assistant message', () => {
    expect(titleFor([assistant('Hello! How can I help?'), user('First question'), user('Second')])).toBe('First question');
  });

  it('falls back to "Untitled Conversation"', () => {
    expect(titleFor([])).toBe('Untitled Conversation');
    expect(titleFor([assistant('Only me')])).toBe('Untitled Conversation');
    expect(titleFor([user('   ')])).toBe('Untitled Conversation');
  });

  it('reproduces the titles the original app stored', () => {
    const dump = JSON.parse(ORIGINAL_DUMP) as { title: string; messages: Parameters<typeof titleFor>[0] }[];
    for (const c of dump) expect(titleFor(c.messages)).toBe(c.title);
  });
});
