import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { installI18n } from '../../support/i18n';
import { createHistoryModel } from '../../../components/state/history';
import type { ConversationSummary } from '../../../lib/history/summary';
import type { PanelMessage } from '../../../lib/protocol';

const summary = (id: string, title: string, updated: string): ConversationSummary => ({
  id,
  title,
  model: 'm',
  created_at: updated,
  updated_at: updated,
  messageCount: 2,
});
const full = (id: string, title: string) =>
  ({
    id,
    title,
    model: 'm',
    messages: [{ role: 'user' as const, content: title, timestamp: 't' }],
    created_at: '2026-01-01T00:00:00Z',
    updated_at: '2026-01-01T00:00:00Z',
  }) as never;

function setup(index: ConversationSummary[], usage = { used: 0, quota: null as number | null }, stored: unknown = []) {
  const sent: PanelMessage[] = [];
  let push: (index: ConversationSummary[]) => void = () => {};
  const model = createHistoryModel({
    send: (m) => sent.push(m),
    readIndex: async () => index,
    watchIndex: (cb) => {
      push = cb;
      return () => {};
    },
    readAll: async () => stored,
    usage: async () => usage,
    pauseChanges: () => () => {},
  });
  return { model, sent, push: (i: ConversationSummary[]) => push(i) };
}

describe('history model', () => {
  const index = [summary('a', 'Apples', '2026-01-02T00:00:00Z'), summary('b', 'Bananas', '2026-01-01T00:00:00Z')];

  it('lists from the index and follows it', async () => {
    const { model, push } = setup(index);
    await model.whenLoaded();
    expect(model.results.value.map((c) => c.id)).toEqual(['a', 'b']);
    push([index[1] as ConversationSummary]);
    expect(model.results.value.map((c) => c.id)).toEqual(['b']);
  });

  it('search asks the background and shows its answer for the current query only', async () => {
    const { model, sent } = setup(index);
    await model.whenLoaded();
    model.setQuery('yellow');
    expect(sent.at(-1)).toEqual({ type: 'history/search', query: 'yellow' });
    model.events['history/results']({ type: 'history/results', query: 'old query', ids: ['a'] });
    expect(model.results.value).toHaveLength(2);
    model.events['history/results']({ type: 'history/results', query: 'yellow', ids: ['b'] });
    expect(model.results.value.map((c) => c.id)).toEqual(['b']);
    model.setQuery('');
    expect(model.results.value).toHaveLength(2);
  });

  it('delete offers undo with the deleted conversation the background returned', async () => {
    const { model, sent } = setup(index);
    model.remove('a');
    expect(sent.at(-1)).toEqual({ type: 'history/delete', id: 'a' });
    const gone = full('a', 'Apples');
    model.events['history/done']({ type: 'history/done', action: 'delete', message: 'Deleted', deleted: gone });
    expect(model.deleted.value).toBe(gone);
    model.undoDelete();
    expect(sent.at(-1)).toEqual({ type: 'history/restore', conversation: gone });
    expect(model.deleted.value).toBeNull();
  });

  it('an invalid import file says why and sends nothing', async () => {
    const { model, sent } = setup([]);
    await model.importFile(new Blob(['{"not": "an array"}']));
    await vi.waitFor(() => expect(model.notice.value?.kind).toBe('error'));
    expect(model.notice.value?.text).toMatch(/^Import failed, nothing changed: .*array/);
    expect(model.importing.value).toBeNull();
    await model.importFile(new Blob(['not json']));
    await vi.waitFor(() => expect(model.notice.value?.text).toContain('not valid JSON'));
    expect(sent).toEqual([]);
  });

  it("an import shows its progress, sends batches, and ends with the background's answer", async () => {
    const { model, sent } = setup([]);
    await model.importFile(new Blob([JSON.stringify([full('a', 'A'), full('b', 'B')])]));
    expect(model.importing.value).not.toBeNull();
    await vi.waitFor(() => expect(sent.map((m) => m.type)).toEqual(['import/begin', 'import/batch']));
    const begin = sent[0] as Extract<PanelMessage, { type: 'import/begin' }>;
    expect(begin.total).toBe(2);
    expect(model.importing.value).toMatchObject({ text: 'Importing… 0 of 2', cancellable: true });
    model.events['import/ack']({ type: 'import/ack', importId: begin.importId, seq: 0, done: 2 });
    await vi.waitFor(() => expect(sent.at(-1)).toEqual({ type: 'import/commit', importId: begin.importId }));
    expect(model.importing.value).toMatchObject({ cancellable: false });
    model.events['import/result']({ type: 'import/result', importId: begin.importId, outcome: 'done', message: 'Imported: 2 new conversations' });
    expect(model.importing.value).toBeNull();
    expect(model.notice.value).toEqual({ kind: 'info', text: 'Imported: 2 new conversations' });
  });

  it('exports all from the stored array', async () => {
    const { model } = setup([], undefined, [full('a', 'Apples')]);
    expect(JSON.parse(await model.exportAll())).toEqual([full('a', 'Apples')]);
    const file = await model.exportAllFile();
    expect(file.name).toMatch(/\.json$/);
    expect(JSON.parse(file.text)).toEqual([full('a', 'Apples')]);
  });

  it('exports one conversation as JSON or markdown, named after it', async () => {
    const { model } = setup([]);
    const c = full('a', 'Apples');
    const json = await model.exportFile('json', c);
    expect(json.name).toMatch(/\.json$/);
    expect(JSON.parse(json.text)).toEqual([c]);
    const md = await model.exportFile('md', c);
    expect(md.name).toMatch(/\.md$/);
    expect(md.text).toContain('Apples');
  });

  it('warns with the offer to export when storage is nearly full', async () => {
    const { model } = setup([], { used: 95, quota: 100 });
    await model.checkUsage();
    expect(model.notice.value?.text).toMatch(/nearly full.*Export all/);
    const ok = setup([], { used: 10, quota: null });
    await ok.model.checkUsage();
    expect(ok.model.notice.value).toBeNull();
  });
});

describe('in German', () => {
  afterEach(() => installI18n(fakeBrowser));

  it('says storage is nearly full with German sizes', async () => {
    installI18n(fakeBrowser, 'de');
    const { model } = setup([], { used: 9.5 * 1_048_576, quota: 10 * 1_048_576 });
    await model.checkUsage();
    expect(model.notice.value?.text).toMatch(/^Der Speicher ist fast voll \(9,5 MB von 10,0 MB\)\. Exportieren Sie/);
  });
});
