// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type { ConversationId } from '../../../lib/conversations/contract';
import { createHistoryStore, HistoryConflictError, nextVersion } from '../../../lib/history/store';
import { memoryIO } from './memory-io';

const ID = 'conv-1-aaaaaaaaa' as ConversationId;
const msg = (role: 'user' | 'assistant', content: string, status?: 'interrupted') => ({
  role,
  content,
  timestamp: '2026-01-01T00:00:00.000Z',
  ...(status ? { status } : {}),
});

const memory = () => memoryIO().io;

describe('versioned saves: an older copy never replaces a newer one', () => {
  it('each save of a conversation gets a later updated_at, even within one millisecond', () => {
    const t = Date.parse('2026-05-01T10:00:00.000Z');
    expect(nextVersion(undefined, t).toISOString()).toBe('2026-05-01T10:00:00.000Z');
    expect(nextVersion('2026-05-01T10:00:00.000Z', t).toISOString()).toBe('2026-05-01T10:00:00.001Z');
    expect(nextVersion('2026-05-01T10:00:05.000Z', t).toISOString()).toBe('2026-05-01T10:00:05.001Z');
    expect(nextVersion('garbage', t).toISOString()).toBe('2026-05-01T10:00:00.000Z');
    const store = createHistoryStore(memory(), () => {});
    return (async () => {
      const versions = new Set<string>();
      for (let i = 0; i < 20; i++) versions.add((await store.save({ id: ID, model: 'm', messages: [msg('user', `q${i}`)] })).updated_at);
      expect(versions.size).toBe(20);
    })();
  });

  it('a save based on the stored version goes through; one based on an older copy is refused and writes nothing', async () => {
    const store = createHistoryStore(memory(), () => {});
    const id = ID;
    const first = await store.save({ id, model: 'm', messages: [msg('user', 'q')] }, null);
    // Panel A's reply finishes (a save with no check: the exchange owns the conversation).
    const finished = await store.save({ id, model: 'm', messages: [msg('user', 'q'), msg('assistant', 'the whole answer')] });
    // Panel B still holds the first copy (or the truncated checkpoint) and sends.
    const stale = store.save(
      { id, model: 'm', messages: [msg('user', 'q'), msg('assistant', 'the wh', 'interrupted'), msg('user', 'more')] },
      first.updated_at,
    );
    await expect(stale).rejects.toBeInstanceOf(HistoryConflictError);
    expect((await store.get(id))?.messages[1]).toEqual(msg('assistant', 'the whole answer'));

    const fresh = await store.save({ id, model: 'm', messages: [...finished.messages, msg('user', 'more')] }, finished.updated_at);
    expect(fresh.messages).toHaveLength(3);
  });

  it('"never saved" (null) conflicts with a conversation that exists', async () => {
    const store = createHistoryStore(memory(), () => {});
    await store.save({ id: ID, model: 'm', messages: [msg('user', 'q')] });
    await expect(store.save({ id: ID, model: 'm', messages: [msg('user', 'other')] }, null)).rejects.toBeInstanceOf(HistoryConflictError);
    expect((await store.get('conv-1-aaaaaaaaa'))?.messages[0]?.content).toBe('q');
  });
});
