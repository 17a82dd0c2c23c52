// @vitest-environment node
/** Two panels, one conversation: live relay, one reply at a time, stale copies refused. */
import { describe, expect, it, vi } from 'vitest';
import type { OllamaContext } from '../../../lib/background/context';
import { createExchanges } from '../../../lib/background/exchanges';
import { createKeepAlive } from '../../../lib/background/keepalive';
import { HistoryConflictError, type HistoryStore } from '../../../lib/history/store';
import type { ChatPiece, OllamaApi } from '../../../lib/ollama/client';
import type { BackgroundMessage, PanelMessage } from '../../../lib/protocol';
import { DEFAULT_SETTINGS } from '../../../lib/settings';

const question = { role: 'user' as const, content: 'q', timestamp: '2026-01-01T00:00:00.000Z' };
const start = (requestId: string, base: string | null = null): Extract<PanelMessage, { type: 'chat/start' }> => ({
  type: 'chat/start',
  requestId,
  model: 'm',
  conversation: { id: 'conv-1-aaaaaaaaa' },
  base,
  history: [question],
});

/** A reply that streams "a", then waits for `release()`, then "b" and done. */
function gatedApi() {
  let release: () => void = () => {};
  const gate = new Promise<void>((r) => {
    release = r;
  });
  const api: OllamaApi = {
    listModels: async () => [],
    version: async () => null,
    async *chat(): AsyncGenerator<ChatPiece> {
      yield { kind: 'chunk', content: 'a' };
      await gate;
      yield { kind: 'chunk', content: 'b' };
      yield { kind: 'done', info: { doneReason: 'stop' } };
    },
  };
  return { api, release: () => release() };
}

function setup(save: HistoryStore['save'] = vi.fn(async () => ({ updated_at: 'v2' }) as never)) {
  const { api, release } = gatedApi();
  const ctx: OllamaContext = { api, settings: DEFAULT_SETTINGS };
  const pings = vi.fn(async () => ({}));
  const keepAlive = createKeepAlive({ ping: pings, intervalMs: 5 });
  const ex = createExchanges({ store: { save } as unknown as HistoryStore, broadcastProblem: vi.fn(), keepAlive });
  const a: BackgroundMessage[] = [];
  const b: BackgroundMessage[] = [];
  const postA = (m: BackgroundMessage) => a.push(m);
  const postB = (m: BackgroundMessage) => b.push(m);
  return { ex, ctx, release, a, b, postA, postB, keepAlive };
}
const tick = () => new Promise((r) => setTimeout(r, 0));

describe('two panels, one conversation', () => {
  it('a reply started in one panel streams live in the other panel showing that conversation', async () => {
    const s = setup();
    s.ex.attach('conv-1-aaaaaaaaa', s.postB);
    const done = s.ex.start(start('r1'), s.ctx, s.postA, vi.fn());
    await tick();
    expect(s.b[0]).toEqual({ type: 'chat/resume', requestId: 'r1', conversationId: 'conv-1-aaaaaaaaa', history: [question], content: '', thinking: '' });
    expect(s.ex.answering('conv-1-aaaaaaaaa')).toEqual([question]);
    s.release();
    await done;
    expect(s.b.map((m) => m.type)).toEqual(['chat/resume', 'chat/chunk', 'chat/chunk', 'chat/done']);
    expect(s.a.at(-1)).toEqual({
      type: 'chat/done',
      requestId: 'r1',
      info: { doneReason: 'stop', ttftMs: expect.any(Number) },
      stats: expect.objectContaining({ model: 'm' }),
      version: 'v2',
    });
    expect(s.b.at(-1)).toEqual(s.a.at(-1));
    expect(s.ex.answering('conv-1-aaaaaaaaa')).toBeNull();
  });

  it('a panel that moved to another conversation (or a new chat) stops following', async () => {
    const s = setup();
    s.ex.attach('conv-1-aaaaaaaaa', s.postB);
    s.ex.attach(null, s.postB);
    const done = s.ex.start(start('r1'), s.ctx, s.postA, vi.fn());
    s.release();
    await done;
    expect(s.b).toEqual([]);
  });

  it('a second request for a conversation already answering is refused clearly and joins the running reply', async () => {
    const s = setup();
    const first = s.ex.start(start('r1'), s.ctx, s.postA, vi.fn());
    await tick();
    await s.ex.start(start('r2'), s.ctx, s.postB, vi.fn());
    expect(s.b[0]).toMatchObject({ type: 'chat/failed', requestId: 'r2', failure: { kind: 'conflict' } });
    expect(s.b[0]?.type === 'chat/failed' && s.b[0].failure.message).toMatch(/already answering in another panel/);
    expect(s.b[1]).toMatchObject({ type: 'chat/resume', requestId: 'r1', content: 'a' });
    s.release();
    await first;
    expect(s.b.at(-1)).toMatchObject({ type: 'chat/done', requestId: 'r1' });
  });

  it('a request built on an older stored copy is refused and nothing is asked', async () => {
    const save = vi.fn(async () => {
      throw new HistoryConflictError(null);
    });
    const s = setup(save);
    const chat = vi.spyOn(s.ctx.api, 'chat');
    await s.ex.start(start('r1', '2026-01-01T00:00:00.000Z'), s.ctx, s.postA, vi.fn());
    expect(s.a).toEqual([expect.objectContaining({ type: 'chat/failed', failure: expect.objectContaining({ kind: 'conflict' }) })]);
    expect(chat).not.toHaveBeenCalled();
    expect(s.ex.isRunning('r1')).toBe(false);
  });

  it('holds the keep-alive from the question’s save until the reply is saved, then lets the background stop', async () => {
    const s = setup();
    const done = s.ex.start(start('r1'), s.ctx, s.postA, vi.fn());
    await tick();
    expect(s.keepAlive.reasons()).toEqual(['reply r1']);
    s.release();
    await done;
    expect(s.keepAlive.reasons()).toEqual([]);
  });

  it('panels arriving while the question is being saved join only once it is saved: a stale request ends unseen', async () => {
    for (const outcome of ['conflict', 'saved'] as const) {
      let finishSave: () => void = () => {};
      const saved = new Promise<void>((r) => {
        finishSave = r;
      });
      const save = vi.fn(async () => {
        await saved;
        if (outcome === 'conflict') throw new HistoryConflictError(null);
        return { updated_at: 'v2' } as never;
      });
      const s = setup(save);
      const first = s.ex.start(start('r1', 'old'), s.ctx, s.postA, vi.fn());
      s.ex.attach('conv-1-aaaaaaaaa', s.postB);
      const c: BackgroundMessage[] = [];
      await s.ex.start(start('r2'), s.ctx, (m) => c.push(m), vi.fn());
      expect(s.b).toEqual([]);
      expect(s.ex.answering('conv-1-aaaaaaaaa')).toBeNull();
      finishSave();
      await tick();
      if (outcome === 'conflict') {
        await first;
        // Nobody was told a reply was coming, so nobody waits for one.
        expect(s.b).toEqual([]);
        expect(c.map((m) => m.type)).toEqual(['chat/failed']);
      } else {
        expect(s.b[0]).toMatchObject({ type: 'chat/resume', requestId: 'r1' });
        expect(c.map((m) => m.type).slice(0, 2)).toEqual(['chat/failed', 'chat/resume']);
        s.release();
        await first;
        expect(s.b.at(-1)).toMatchObject({ type: 'chat/done', requestId: 'r1' });
      }
    }
  });
});
