import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { installI18n } from '../../support/i18n';
import { type ImportProgress, startImport } from '../../../components/state/import-run';
import { IMPORT_BATCH_CHARS, IMPORT_BATCH_ITEMS, IMPORT_WINDOW, type ImportReply, type PanelMessage } from '../../../lib/protocol';
import { conv, ORIGINAL_DUMP } from '../../lib/conversations/helpers';

type Batch = Extract<PanelMessage, { type: 'import/batch' }>;

/** The panel side of one import, with a background that acknowledges batches when told to (or at once). */
function harness(file: Blob, { autoAck = true } = {}) {
  const sent: PanelMessage[] = [];
  const progress: ImportProgress[] = [];
  let end: { kind: string; text: string } | null = null;
  const unacked: Batch[] = [];
  let maxInFlight = 0;
  let paused = 0;
  const ack = (b: Batch) => run.reply({ type: 'import/ack', importId: b.importId, seq: b.seq, done: b.first + b.items.length });
  const run = startImport(file, {
    send(msg) {
      sent.push(msg);
      if (msg.type !== 'import/batch') return;
      unacked.push(msg);
      maxInFlight = Math.max(maxInFlight, unacked.length);
      if (autoAck) setTimeout(() => ack(unacked.shift() as Batch), 0);
    },
    pauseChanges: () => {
      paused++;
      return () => void paused--;
    },
    progress: (p) => progress.push(p),
    finish: (kind, text) => {
      end = { kind, text };
    },
  });
  const importId = () => (sent.find((m) => m.type === 'import/begin') as Extract<PanelMessage, { type: 'import/begin' }>).importId;
  const reply = (r: Omit<Extract<ImportReply, { type: 'import/result' }>, 'type' | 'importId'>) =>
    run.reply({ type: 'import/result', importId: importId(), ...r });
  const batches = () => sent.filter((m): m is Batch => m.type === 'import/batch');
  const ackAll = () => {
    for (const b of unacked.splice(0)) ack(b);
  };
  return { run, sent, progress, batches, reply, ackAll, ended: () => end, maxInFlight: () => maxInFlight, importId, paused: () => paused };
}

const fileOf = (value: unknown) => new Blob([JSON.stringify(value, null, 2)]);
const many = (n: number, text = 'x') => Array.from({ length: n }, (_, i) => conv(`c${i}`, '2026-01-01T00:00:00Z', { title: `${text} ${i}` }));

describe('an import run by the panel', () => {
  it('counts, then sends every item in bounded batches, never too many ahead, and commits', async () => {
    const list = many(1200);
    const h = harness(fileOf(list));
    await vi.waitFor(() => expect(h.sent.at(-1)?.type).toBe('import/commit'), { timeout: 5000 });
    expect(h.sent[0]).toMatchObject({ type: 'import/begin', total: 1200 });
    const batches = h.batches();
    expect(batches.length).toBeGreaterThan(2);
    for (const b of batches) {
      expect(b.items.length).toBeLessThanOrEqual(IMPORT_BATCH_ITEMS);
      expect(b.items.reduce((n, t) => n + t.length, 0)).toBeLessThanOrEqual(IMPORT_BATCH_CHARS);
    }
    expect(batches.map((b) => b.seq)).toEqual(batches.map((_, i) => i));
    expect(batches.flatMap((b) => b.items).map((t) => JSON.parse(t))).toEqual(list);
    expect(h.maxInFlight()).toBeLessThanOrEqual(IMPORT_WINDOW);
    const texts = h.progress.map((p) => p.text);
    expect(texts[0]).toMatch(/^Reading the file… \d+%$/);
    expect(texts).toContain('Importing… 0 of 1,200');
    expect(texts).toContain(`Importing… ${IMPORT_BATCH_ITEMS} of 1,200`);
    expect(h.progress.at(-1)).toEqual({ text: 'Finishing: adding 1,200 conversations to the list…', fraction: 1, cancellable: false });

    expect(h.paused()).toBe(1); // the page hears no storage changes while its import is written
    h.reply({ outcome: 'done', message: 'Imported: 1,200 new conversations' });
    expect(h.ended()).toEqual({ kind: 'info', text: 'Imported: 1,200 new conversations' });
    expect(h.paused()).toBe(0);
  });

  it('keeps characters of several bytes whole where slices of the file cut them', async () => {
    const list = many(400, 'naïve 你好 😀'.repeat(100));
    const h = harness(fileOf(list));
    await vi.waitFor(() => expect(h.sent.at(-1)?.type).toBe('import/commit'), { timeout: 5000 });
    expect(
      h
        .batches()
        .flatMap((b) => b.items)
        .map((t) => JSON.parse(t)),
    ).toEqual(list);
  });

  it('Cancel while sending stops sending and asks the background to undo; its answer ends the run', async () => {
    const h = harness(fileOf(many(2000)), { autoAck: false });
    await vi.waitFor(() => expect(h.batches()).toHaveLength(IMPORT_WINDOW));
    h.run.cancel();
    expect(h.sent.at(-1)).toEqual({ type: 'import/cancel', importId: h.importId() });
    expect(h.progress.at(-1)).toMatchObject({ text: 'Cancelling: removing what was imported…', cancellable: false });
    h.ackAll();
    await new Promise((r) => setTimeout(r, 20));
    expect(h.batches()).toHaveLength(IMPORT_WINDOW);
    expect(h.ended()).toBeNull();
    h.reply({ outcome: 'cancelled', message: 'Import cancelled: nothing was imported.' });
    expect(h.ended()).toEqual({ kind: 'info', text: 'Import cancelled: nothing was imported.' });
  });

  it('Cancel while still reading ends at once, having sent nothing', async () => {
    const h = harness(fileOf(many(10)));
    h.run.cancel();
    expect(h.ended()).toEqual({ kind: 'info', text: 'Import cancelled: nothing changed.' });
    await new Promise((r) => setTimeout(r, 20));
    expect(h.sent).toEqual([]);
  });

  it('a damaged file is refused before anything is sent, saying what is wrong', async () => {
    const text = JSON.stringify(many(3));
    const h = harness(new Blob([text.slice(0, -20)]));
    await vi.waitFor(() => expect(h.ended()).not.toBeNull());
    expect(h.ended()).toEqual({
      kind: 'error',
      text: 'Import failed, nothing changed: The file ends before its array is closed (after item 2): it may be cut off',
    });
    expect(h.sent).toEqual([]);
  });

  it('the background refusing an item ends the run with its message; nothing more is sent', async () => {
    const h = harness(fileOf(many(2000)), { autoAck: false });
    await vi.waitFor(() => expect(h.batches()).toHaveLength(IMPORT_WINDOW));
    h.reply({ outcome: 'failed', message: 'Import failed, nothing changed: Item 7 ("x"): title must be a string, got 5' });
    h.ackAll();
    await new Promise((r) => setTimeout(r, 20));
    expect(h.ended()?.kind).toBe('error');
    expect(h.batches()).toHaveLength(IMPORT_WINDOW);
  });

  it('a lost connection to the background ends the run with that said', async () => {
    const h = harness(fileOf(many(2000)), { autoAck: false });
    await vi.waitFor(() => expect(h.batches()).toHaveLength(IMPORT_WINDOW));
    h.run.linkLost();
    expect(h.ended()).toEqual({ kind: 'error', text: expect.stringContaining('connection to the extension’s background was lost, so the import was undone') });
  });

  it('imports the original app’s value quoted as a JSON string (copied out of its developer tools)', async () => {
    const h = harness(new Blob([JSON.stringify(ORIGINAL_DUMP)]));
    await vi.waitFor(() => expect(h.sent.at(-1)?.type).toBe('import/commit'));
    expect(
      h
        .batches()
        .flatMap((b) => b.items)
        .map((t) => JSON.parse(t)),
    ).toEqual(JSON.parse(ORIGINAL_DUMP));
  });

  it('a file that is not an array says so, with the old wording for a small file', async () => {
    const h = harness(new Blob(['{"not": "an array"}']));
    await vi.waitFor(() =>
      expect(h.ended()).toEqual({ kind: 'error', text: 'Import failed, nothing changed: Expected a JSON array of conversations, got an object' }),
    );
  });
});

describe('in German', () => {
  afterEach(() => installI18n(fakeBrowser));

  it('says its progress in German, with German number and percent formats', async () => {
    installI18n(fakeBrowser, 'de');
    const h = harness(fileOf(many(1200)));
    await vi.waitFor(() => expect(h.sent.at(-1)?.type).toBe('import/commit'), { timeout: 5000 });
    const texts = h.progress.map((p) => p.text);
    expect(texts[0]).toMatch(/^Datei wird gelesen … \d+\u00a0%$/);
    expect(texts).toContain('Import läuft … 0 von 1.200');
    expect(texts.at(-1)).toBe('Abschluss: 1.200 Unterhaltungen werden zur Liste hinzugefügt …');
    h.run.cancel();
  });
});
