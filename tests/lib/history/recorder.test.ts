// @vitest-environment node
import { describe, expect, it, vi } from 'vitest';
import { createRecorder } from '../../../lib/history/recorder';
import type { ConversationDraft } from '../../../lib/conversations/contract';
import { HistoryConflictError, type HistoryStore } from '../../../lib/history/store';

function fakeStore() {
  const saves: ConversationDraft[] = [];
  const store = {
    save: vi.fn(async (d: ConversationDraft) => {
      saves.push(structuredClone(d));
      return d as never;
    }),
  } as unknown as HistoryStore;
  return { store, saves };
}

const history = [{ role: 'user' as const, content: 'q', timestamp: '2026-01-01T00:00:00.000Z' }];

describe('recorder', () => {
  it('saves the question first, checkpoints at most once per interval, then the final reply', async () => {
    const { store, saves } = fakeStore();
    let t = 0;
    const r = createRecorder({ store, conversation: { id: 'conv-1-aaaaaaaaa' }, model: 'm', history, onProblem: vi.fn(), now: () => t, intervalMs: 1000 });
    await r.begin(null);
    expect(saves[0]?.messages).toEqual(history);
    let text = '';
    for (let i = 0; i < 50; i++) {
      t += 100; // 5 s of chunks
      text += 'x';
      r.checkpoint(
        () => text,
        () => '',
      );
      await Promise.resolve();
    }
    const checkpoints = saves.slice(1);
    expect(checkpoints.length).toBeGreaterThanOrEqual(4);
    expect(checkpoints.length).toBeLessThanOrEqual(5);
    expect(checkpoints.at(-1)?.messages.at(-1)).toMatchObject({ role: 'assistant', status: 'interrupted' });
    await r.finish('done', text, 'thought');
    const last = saves.at(-1)?.messages.at(-1);
    expect(last).toEqual({ role: 'assistant', content: text, thinking: 'thought', timestamp: new Date(0).toISOString() });
  });

  it('saves the conversation’s own system prompt with it, and none when it has none', async () => {
    const { store, saves } = fakeStore();
    const own = createRecorder({ store, conversation: { id: 'c', system: 'Be brief.' }, model: 'm', history, onProblem: vi.fn() });
    await own.begin(null);
    await own.finish('done', 'a', '');
    expect(saves.map((d) => d.system)).toEqual(['Be brief.', 'Be brief.']);
    const plain = createRecorder({ store, conversation: { id: 'd' }, model: 'm', history, onProblem: vi.fn() });
    await plain.begin(null);
    expect('system' in (saves.at(-1) ?? {})).toBe(false);
  });

  it('saves the conversation’s connection id with every save, and none when the request named none', async () => {
    const { store, saves } = fakeStore();
    const own = createRecorder({ store, conversation: { id: 'c', connection: 'gpu' }, model: 'm', history, onProblem: vi.fn() });
    await own.begin(null);
    await own.finish('done', 'a', '');
    expect(saves.map((d) => d.connection)).toEqual(['gpu', 'gpu']);
    const plain = createRecorder({ store, conversation: { id: 'd' }, model: 'm', history, onProblem: vi.fn() });
    await plain.begin(null);
    expect('connection' in (saves.at(-1) ?? {})).toBe(false);
  });

  it('marks stopped replies, and stores no empty failed reply', async () => {
    const { store, saves } = fakeStore();
    const r = createRecorder({ store, conversation: { id: 'c' }, model: 'm', history, onProblem: vi.fn() });
    await r.finish('stopped', 'part', '');
    expect(saves.at(-1)?.messages.at(-1)).toMatchObject({ content: 'part', status: 'stopped' });
    await r.finish('interrupted', '', '');
    expect(saves.at(-1)?.messages).toEqual(history);
  });

  it('saves a finished reply with its stats, and never stats on an unfinished one', async () => {
    const { store, saves } = fakeStore();
    const r = createRecorder({ store, conversation: { id: 'c' }, model: 'm', history, onProblem: vi.fn() });
    const stats = { model: 'm', evalCount: 5, evalDurationNs: 1e9, ttftMs: 80 };
    await r.finish('done', 'answer', '', stats);
    expect(saves.at(-1)?.messages.at(-1)).toMatchObject({ content: 'answer', stats });
    await r.finish('stopped', 'part', '', stats);
    expect(saves.at(-1)?.messages.at(-1)).not.toHaveProperty('stats');
  });

  it('a failed save is reported, not thrown', async () => {
    const onProblem = vi.fn();
    const store = {
      save: vi.fn(async () => {
        throw new Error('Storage quota exceeded: …');
      }),
    } as unknown as HistoryStore;
    const r = createRecorder({ store, conversation: { id: 'c' }, model: 'm', history, onProblem });
    await r.begin(null);
    expect(onProblem).toHaveBeenCalledWith('Storage quota exceeded: …');
  });

  it('begin refuses to write onto a stored copy that moved on, and says so', async () => {
    const onProblem = vi.fn();
    const save = vi.fn(async () => {
      throw new HistoryConflictError(null);
    });
    const r = createRecorder({ store: { save } as unknown as HistoryStore, conversation: { id: 'c' }, model: 'm', history, onProblem });
    expect(await r.begin('2026-01-01T00:00:00.000Z')).toBe('conflict');
    expect(save).toHaveBeenCalledWith(expect.objectContaining({ messages: history }), '2026-01-01T00:00:00.000Z');
    expect(onProblem).not.toHaveBeenCalled();
  });

  it('finish answers the stored version after the reply, for the panel’s next request', async () => {
    let n = 0;
    const save = vi.fn(async () => ({ updated_at: `v${++n}` }));
    const r = createRecorder({ store: { save } as unknown as HistoryStore, conversation: { id: 'c' }, model: 'm', history, onProblem: vi.fn() });
    expect(await r.begin(null)).toBe('saved');
    expect(await r.finish('done', 'answer', '')).toBe('v2');
  });
});
