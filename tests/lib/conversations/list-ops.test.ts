// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { type ConversationId, removeConversation, renameConversation, sortNewestFirst, upsertConversation } from '../../../lib/conversations/contract';
import { assistant, conv, deepFreeze, user } from './helpers';

const ID_FORMAT = /^conv-\d+-[0-9a-z]{9}$/;

describe('sortNewestFirst', () => {
  it('orders by updated_at descending, parsing dates rather than comparing strings', () => {
    const list = [
      conv('a', '2026-01-01T10:00:00.000Z'),
      conv('b', '2026-01-03T10:00:00Z'),
      conv('c', '2026-01-02T12:00:00+02:00'),
      conv('d', '2026-01-02T11:00:00Z'),
    ];
    expect(sortNewestFirst(list).map((c) => c.id)).toEqual(['b', 'd', 'c', 'a']);
  });

  it('is stable for equal dates and puts invalid dates last, in input order', () => {
    const t = '2026-01-01T00:00:00.000Z';
    const list = [conv('x', 'garbage'), conv('a', t), conv('y', ''), conv('b', t), conv('c', '2025-12-31T00:00:00Z')];
    expect(sortNewestFirst(list).map((c) => c.id)).toEqual(['a', 'b', 'c', 'x', 'y']);
  });

  it('returns a new array and leaves the input alone', () => {
    const list = deepFreeze([conv('a', '2026-01-01T00:00:00Z'), conv('b', '2026-01-02T00:00:00Z')]);
    const sorted = sortNewestFirst(list);
    expect(sorted).not.toBe(list);
    expect(list.map((c) => c.id)).toEqual(['a', 'b']);
  });
});

describe('upsertConversation', () => {
  const now = new Date('2026-02-01T12:00:00.000Z');
  const messages = [user('How do I boil an egg?'), assistant('Put it in boiling water.')];

  it('gives a conversation without an id a new one, and stamps created/updated with now', () => {
    const { list, saved } = upsertConversation([], { model: 'llama3.2:latest', messages }, now);
    expect(saved.id).toMatch(ID_FORMAT);
    expect(saved.id.startsWith(`conv-${now.getTime()}-`)).toBe(true);
    expect(saved).toMatchObject({
      title: 'How do I boil an egg?',
      model: 'llama3.2:latest',
      created_at: now.toISOString(),
      updated_at: now.toISOString(),
    });
    expect(saved.messages).toEqual(messages);
    expect(list).toEqual([saved]);
  });

  it('keeps created_at of the stored item on update, whatever the caller sends', () => {
    const stored = conv('a', '2026-01-01T00:00:00Z', { created_at: '2025-06-01T00:00:00.000Z' });
    const { saved } = upsertConversation([stored], { id: stored.id, created_at: '2026-01-31T00:00:00Z', model: 'm', messages }, now);
    expect(saved.created_at).toBe('2025-06-01T00:00:00.000Z');
    expect(saved.updated_at).toBe(now.toISOString());
  });

  it("uses the caller's created_at for an id not stored yet", () => {
    const draft = { id: 'imported' as ConversationId, created_at: '2024-01-01T00:00:00Z', model: 'm', messages };
    expect(upsertConversation([], draft, now).saved.created_at).toBe('2024-01-01T00:00:00Z');
  });

  it('keeps a given title (a rename), recomputes when blank', () => {
    expect(upsertConversation([], { title: 'Eggs', model: 'm', messages }, now).saved.title).toBe('Eggs');
    expect(upsertConversation([], { title: '  ', model: 'm', messages }, now).saved.title).toBe('How do I boil an egg?');
  });

  it('keeps a stored rename when the caller omits the title', () => {
    const stored = conv('a', '2026-01-01T00:00:00Z', { title: 'My eggs', messages });
    const more = [...messages, user('And poached?')];
    const { saved } = upsertConversation([stored], { id: stored.id, model: 'm', messages: more }, now);
    expect(saved.title).toBe('My eggs');
  });

  it('recomputes an automatic title when the caller omits it', () => {
    const stored = conv('a', '2026-01-01T00:00:00Z', { title: 'Old first question', messages: [user('Old first question')] });
    const { saved } = upsertConversation([stored], { id: stored.id, model: 'm', messages }, now);
    expect(saved.title).toBe('How do I boil an egg?');
  });

  it('replaces by id without duplicates and sorts newest first', () => {
    const list = [conv('b', '2026-01-20T00:00:00Z'), conv('a', '2026-01-10T00:00:00Z'), conv('c', '2026-01-05T00:00:00Z')];
    const result = upsertConversation(list, { id: 'a' as ConversationId, model: 'm', messages }, now);
    expect(result.list.map((c) => c.id)).toEqual(['a', 'b', 'c']);
    expect(result.list[0]).toBe(result.saved);
  });

  it('never mutates its inputs and keeps extra fields', () => {
    const list = deepFreeze([conv('a', '2026-01-10T00:00:00Z')]);
    const draft = deepFreeze({ id: 'a' as ConversationId, model: 'm', messages, pinned: true });
    const { saved } = upsertConversation(list, draft, now);
    expect(list[0]?.updated_at).toBe('2026-01-10T00:00:00Z');
    expect(saved).toMatchObject({ pinned: true });
    expect(saved.messages).not.toBe(draft.messages);
  });
});

describe('removeConversation / renameConversation', () => {
  const list = deepFreeze([conv('a', '2026-01-03T00:00:00Z'), conv('b', '2026-01-02T00:00:00Z'), conv('c', '2026-01-01T00:00:00Z')]);
  const now = new Date('2026-02-01T00:00:00.000Z');

  it('removes by id and ignores unknown ids', () => {
    expect(removeConversation(list, 'b' as ConversationId).map((c) => c.id)).toEqual(['a', 'c']);
    expect(removeConversation(list, 'zzz' as ConversationId)).toEqual(list);
  });

  it('renames with a trimmed title, bumps updated_at and re-sorts', () => {
    const renamed = renameConversation(list, 'c' as ConversationId, '  Trip plans  ', now);
    expect(renamed.map((c) => c.id)).toEqual(['c', 'a', 'b']);
    expect(renamed[0]).toMatchObject({ title: 'Trip plans', updated_at: now.toISOString() });
    expect(renamed[1]).toBe(list[0]);
  });

  it('falls back to the automatic title when the new title is blank', () => {
    const renamed = renameConversation(list, 'a' as ConversationId, ' \n ', now);
    expect(renamed.find((c) => c.id === 'a')?.title).toBe('Question a');
  });

  it('leaves the list unchanged for an unknown id', () => {
    expect(renameConversation(list, 'nope' as ConversationId, 'X', now)).toEqual(list);
  });
});
