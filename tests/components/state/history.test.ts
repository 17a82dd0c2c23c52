import { describe, expect, it, vi } from 'vitest';
import { createHistoryModel } from '../../../components/state/history';
import type { PanelMessage } from '../../../lib/protocol';

const conv = (id: string, title: string, text: string, updated: string) => ({
  id,
  title,
  model: 'm',
  messages: [{ role: 'user', content: text, timestamp: updated }],
  created_at: updated,
  updated_at: updated,
});

function setup(stored: unknown, usage = { used: 0, quota: null as number | null }) {
  const sent: PanelMessage[] = [];
  let push: (raw: unknown) => void = () => {};
  const model = createHistoryModel({
    send: (m) => sent.push(m),
    read: async () => stored,
    watch: (cb) => {
      push = cb;
      return () => {};
    },
    usage: async () => usage,
  });
  return { model, sent, push: (raw: unknown) => push(raw) };
}

describe('history model', () => {
  const list = [conv('a', 'Apples', 'red fruit', '2026-01-02T00:00:00Z'), conv('b', 'Bananas', 'yellow FRUIT', '2026-01-01T00:00:00Z')];

  it('loads, searches titles and message text case-insensitively, and follows storage', async () => {
    const { model, push } = setup(list);
    await vi.waitFor(() => expect(model.loaded.value).toBe(true));
    expect(model.results.value.map((c) => c.id)).toEqual(['a', 'b']);
    model.setQuery('yellow');
    expect(model.results.value.map((c) => c.id)).toEqual(['b']);
    model.setQuery('fruit');
    expect(model.results.value).toHaveLength(2);
    push([list[0]]);
    expect(model.results.value.map((c) => c.id)).toEqual(['a']);
  });

  it('delete remembers the conversation for undo', async () => {
    const { model, sent } = setup(list);
    await vi.waitFor(() => expect(model.loaded.value).toBe(true));
    model.remove('a');
    expect(sent.at(-1)).toEqual({ type: 'history/delete', id: 'a' });
    expect(model.deleted.value?.title).toBe('Apples');
    model.undoDelete();
    expect(sent.at(-1)).toEqual({ type: 'history/restore', conversation: list[0] });
    expect(model.deleted.value).toBeNull();
  });

  it('an invalid import file says why and sends nothing', async () => {
    const { model, sent } = setup([]);
    model.importText('{"not": "an array"}');
    expect(model.notice.value?.kind).toBe('error');
    expect(model.notice.value?.text).toMatch(/^Import failed, nothing changed: .*array/);
    model.importText('not json');
    expect(model.notice.value?.text).toContain('not valid JSON');
    expect(sent).toEqual([]);
    model.importText(JSON.stringify(list));
    expect(sent.at(-1)).toMatchObject({ type: 'history/import' });
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
