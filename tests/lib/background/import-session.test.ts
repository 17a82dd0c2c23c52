// @vitest-environment node
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createImportSessions } from '../../../lib/background/import-session';
import type { Conversation } from '../../../lib/conversations/contract';
import { createHistoryStore } from '../../../lib/history/store';
import type { BackgroundMessage } from '../../../lib/protocol';
import { installI18n } from '../../support/i18n';
import { memoryIO, msg } from '../history/memory-io';

const NOW = Date.parse('2026-06-01T00:00:00Z');
const conv = (id: string, text = id): Conversation => ({
  id: id as never,
  title: text,
  model: 'm',
  messages: [msg('user', text)],
  created_at: '2026-01-01T00:00:00.000Z',
  updated_at: '2026-01-01T00:00:00.000Z',
});
const texts = (...convs: unknown[]) => convs.map((c) => JSON.stringify(c));

async function setup(...local: Conversation[]) {
  const { io, state } = memoryIO();
  const store = createHistoryStore(io, vi.fn());
  for (const c of local) await store.restore(c);
  const writeBatch = vi.spyOn(io, 'writeImportBatch');
  const sessions = createImportSessions(store.imports, () => NOW);
  const got: BackgroundMessage[] = [];
  const post = (m: BackgroundMessage) => void got.push(m);
  /** Sends a file's items in batches, then the commit; resolves with the result. */
  const run = async (batches: string[][], id = 'imp') => {
    sessions.begin({ type: 'import/begin', importId: id, total: batches.flat().length }, post);
    let first = 0;
    for (const [seq, items] of batches.entries()) {
      sessions.batch({ type: 'import/batch', importId: id, seq, first, items }, post);
      first += items.length;
    }
    sessions.commit({ type: 'import/commit', importId: id }, post);
    return result(id);
  };
  const result = (id = 'imp') =>
    vi.waitFor(() => {
      const r = got.find((m) => m.type === 'import/result' && m.importId === id);
      if (!r) throw new Error('no result yet');
      return r as Extract<BackgroundMessage, { type: 'import/result' }>;
    });
  return { state, store, sessions, got, post, run, result, writeBatch };
}

describe('import sessions', () => {
  it('acknowledges each batch with the count so far, then publishes and says what happened', async () => {
    const t = await setup(conv('same'), conv('taken', 'local'));
    const r = await t.run([texts(conv('n1'), conv('n2')), texts(conv('same'), conv('taken', 'different'))]);
    expect(t.got.filter((m) => m.type === 'import/ack')).toEqual([
      { type: 'import/ack', importId: 'imp', seq: 0, done: 2 },
      { type: 'import/ack', importId: 'imp', seq: 1, done: 4 },
    ]);
    expect(r).toMatchObject({
      outcome: 'done',
      message: expect.stringMatching(/^Imported: 2 new conversations, 1 kept as copies .*\(imported\).*, 1 already there\.$/),
    });
    expect((await t.store.summaries()).map((s) => s.title).sort()).toEqual(['different (imported)', 'local', 'n1', 'n2', 'same']);
  });

  it('writes batches that queued up during earlier work together, in one storage call', async () => {
    const t = await setup();
    t.sessions.begin({ type: 'import/begin', importId: 'imp', total: 3 }, t.post);
    t.sessions.batch({ type: 'import/batch', importId: 'imp', seq: 0, first: 0, items: texts(conv('a')) }, t.post);
    await vi.waitFor(() => expect(t.got).toHaveLength(1));
    // Two more arrive back to back, before either is written: one call for both.
    t.sessions.batch({ type: 'import/batch', importId: 'imp', seq: 1, first: 1, items: texts(conv('b')) }, t.post);
    t.sessions.batch({ type: 'import/batch', importId: 'imp', seq: 2, first: 2, items: texts(conv('c')) }, t.post);
    t.sessions.commit({ type: 'import/commit', importId: 'imp' }, t.post);
    expect(await t.result()).toMatchObject({ outcome: 'done' });
    expect(t.writeBatch.mock.calls.map((c) => c[2].map((x) => x.id))).toEqual([['a'], ['b', 'c']]);
    expect(t.got.filter((m) => m.type === 'import/ack').map((m) => m.type === 'import/ack' && m.seq)).toEqual([0, 1, 2]);
  });

  it.each([
    ['an item that is not JSON', ['{"id": tru}'], /^Import failed, nothing changed: Item 3 is not valid JSON: /],
    [
      'an invalid conversation',
      texts({ ...conv('x'), messages: [{ role: 'system', content: 'c', timestamp: 't' }] }),
      /Item 3 \("x"\): messages\[0\]\.role must be "user" or "assistant", got "system"/,
    ],
    [
      'a date far in the future',
      texts({ ...conv('x'), updated_at: '2099-01-01T00:00:00Z' }),
      /Item 3 \("x"\): updated_at is "2099-01-01T00:00:00Z", more than a day after now/,
    ],
    ['an id used twice', texts(conv('a')), /Item 3 \("a"\): id "a" is already used by item 1/],
  ])('refuses %s, naming it, and undoes the batches already written', async (_, bad, error) => {
    const t = await setup(conv('local'));
    const r = await t.run([texts(conv('a'), conv('b')), bad]);
    expect(r).toMatchObject({ outcome: 'failed', message: expect.stringMatching(error) });
    expect([...t.state.convs.keys()]).toEqual(['local']);
    expect(t.state.journal).toBeNull();
    expect((await t.store.summaries()).map((s) => s.id)).toEqual(['local']);
  });

  it('a full disk is said as such, and what was written is undone', async () => {
    const t = await setup();
    t.state.failNext = new Error('QUOTA_BYTES quota exceeded');
    const r = await t.run([texts(conv('a'))]);
    expect(r.message).toMatch(/^Import failed, nothing changed: Storage quota exceeded/);
    expect(t.state.convs.size).toBe(0);
  });

  it('cancel undoes every write of the import; later batches are ignored', async () => {
    const t = await setup(conv('local'));
    t.sessions.begin({ type: 'import/begin', importId: 'imp', total: 4 }, t.post);
    t.sessions.batch({ type: 'import/batch', importId: 'imp', seq: 0, first: 0, items: texts(conv('a'), conv('b')) }, t.post);
    await vi.waitFor(() => expect(t.got.some((m) => m.type === 'import/ack')).toBe(true));
    t.sessions.cancel({ type: 'import/cancel', importId: 'imp' }, t.post);
    t.sessions.batch({ type: 'import/batch', importId: 'imp', seq: 1, first: 2, items: texts(conv('c'), conv('d')) }, t.post);
    expect(await t.result()).toMatchObject({ outcome: 'cancelled', message: 'Import cancelled: nothing was imported.' });
    expect([...t.state.convs.keys()]).toEqual(['local']);
  });

  it('a panel that goes away mid-import has it undone; meanwhile another import is refused', async () => {
    const t = await setup();
    t.sessions.begin({ type: 'import/begin', importId: 'imp', total: 2 }, t.post);
    t.sessions.batch({ type: 'import/batch', importId: 'imp', seq: 0, first: 0, items: texts(conv('a')) }, t.post);
    const other: BackgroundMessage[] = [];
    t.sessions.begin({ type: 'import/begin', importId: 'imp-2', total: 1 }, (m) => other.push(m));
    expect(other).toEqual([
      expect.objectContaining({ type: 'import/result', outcome: 'failed', message: expect.stringContaining('another import is running') }),
    ]);
    t.sessions.detach(t.post);
    await vi.waitFor(() => expect(t.state.journal).toBeNull());
    expect(t.state.convs.size).toBe(0);
    // The next import may start now.
    expect(await t.run([texts(conv('b'))], 'imp-3')).toMatchObject({ outcome: 'done' });
  });

  it('refuses a commit before every item arrived, and batches out of order', async () => {
    const t = await setup();
    t.sessions.begin({ type: 'import/begin', importId: 'imp', total: 3 }, t.post);
    t.sessions.batch({ type: 'import/batch', importId: 'imp', seq: 0, first: 0, items: texts(conv('a')) }, t.post);
    t.sessions.commit({ type: 'import/commit', importId: 'imp' }, t.post);
    expect((await t.result()).message).toContain('1 of the file’s 3 conversations arrived');

    const u = await setup();
    u.sessions.begin({ type: 'import/begin', importId: 'imp', total: 3 }, u.post);
    u.sessions.batch({ type: 'import/batch', importId: 'imp', seq: 1, first: 2, items: texts(conv('c')) }, u.post);
    expect((await u.result()).message).toContain('batch 1 arrived out of order');
  });
});

describe('import sessions, the summary in each language', () => {
  afterEach(() => installI18n(fakeBrowser));

  it('English counts one conversation in the singular, as before', async () => {
    const t = await setup();
    expect((await t.run([texts(conv('n1'))])).message).toBe('Imported: 1 new conversation, 0 kept as copies, 0 already there.');
  });

  it('German words it from the catalog, the count in its plural', async () => {
    installI18n(fakeBrowser, 'de');
    const t = await setup(conv('same'));
    expect((await t.run([texts(conv('n1'), conv('n2'), conv('same'))])).message).toBe(
      'Importiert: 2 neue Unterhaltungen; als Kopie behalten: 0; bereits vorhanden: 1.',
    );
    const bad = await setup();
    expect((await bad.run([['{"id": tru}']], 'bad')).message).toMatch(/^Import fehlgeschlagen, nichts wurde geändert: Eintrag 1 ist kein gültiges JSON: /);
  });
});
