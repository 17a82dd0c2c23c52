/**
 * One import, run by the panel (in the chunk that loads on the first import or export). The file
 * is read in slices, never whole: first only to count its items (so progress can say "12,000 of
 * 100,000", and a cut-off or garbled file is refused before anything is written), then to send
 * the items' JSON text in batches, at most IMPORT_WINDOW ahead of the background's
 * acknowledgements (lib/protocol.ts, "Big imports"). Each slice is a short task with a yield after
 * it, so the panel stays responsive whatever the file's size; items are not parsed here (the
 * background parses each once).
 */
import { JsonItemsError, splitJsonArray } from '../../lib/conversations/json-items';
import { parseConversationsJson } from '../../lib/conversations/validate';
import { cachedFormat, t, tn } from '../../lib/i18n';
import { IMPORT_BATCH_CHARS, IMPORT_BATCH_ITEMS, IMPORT_WINDOW, type ImportReply, type PanelMessage } from '../../lib/protocol';

/** What the panel shows while an import runs. `fraction`: null while unknown. */
export interface ImportProgress {
  text: string;
  fraction: number | null;
  cancellable: boolean;
}

export interface ImportUi {
  send(msg: PanelMessage): void;
  /**
   * Stops the page's storage change events until the returned resume() (lib/storage/changes.ts):
   * every batch the background writes would otherwise be converted into this page.
   */
  pauseChanges(): () => void;
  progress(p: ImportProgress): void;
  /** The end, said for the user; nothing more comes from this run. */
  finish(kind: 'info' | 'error', text: string): void;
}

export interface ImportRun {
  reply(msg: ImportReply): void;
  cancel(): void;
  /** The Port to the background dropped (the background undoes an import it loses). */
  linkLost(): void;
}

const SLICE_BYTES = 256 * 1024;
// A file that is not an array is read whole only when this small: the one such file that imports
// is an array quoted as a JSON string (the original app's value copied out of its devtools).
const WHOLE_FILE_MAX = 16 * 1024 * 1024;

const percent = (fraction: number) =>
  cachedFormat('import-percent', (l) => new Intl.NumberFormat(l, { style: 'percent', maximumFractionDigits: 0 })).format(Math.floor(100 * fraction) / 100);
const pause = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** The file's bytes, slice by slice. */
async function* slices(file: Blob): AsyncGenerator<Uint8Array> {
  for (let at = 0; at < file.size; at += SLICE_BYTES) yield new Uint8Array(await file.slice(at, at + SLICE_BYTES).arrayBuffer());
}

export function startImport(file: Blob, ui: ImportUi): ImportRun {
  const importId = `import-${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;
  let stage: 'reading' | 'sending' | 'finishing' | 'over' = 'reading';
  let stopped = false; // no more reading or sending
  let problem: string | null = null; // ours, said instead of the background's "cancelled"
  let total = 0;
  let inFlight = 0;
  let wake = () => {};
  const resume = ui.pauseChanges();

  const end = (kind: 'info' | 'error', text: string) => {
    if (stage === 'over') return;
    stage = 'over';
    stopped = true;
    wake();
    resume();
    ui.finish(kind, text);
  };
  const show = (text: string, fraction: number | null) => ui.progress({ text, fraction, cancellable: stage !== 'finishing' });

  /** The items' texts, counted first: the whole file is checked as JSON structure on the way. */
  const count = async (): Promise<{ total: number; items?: string[] }> => {
    const counter = splitJsonArray();
    let read = 0;
    try {
      for await (const bytes of slices(file)) {
        if (stopped) return { total: 0 };
        counter.push(bytes);
        read = Math.min(file.size, read + SLICE_BYTES);
        show(t('import_run_reading', percent(read / Math.max(1, file.size))), read / Math.max(1, file.size));
        await pause();
      }
      counter.end();
      return { total: counter.count };
    } catch (e) {
      if (!(e instanceof JsonItemsError && e.notArray && file.size <= WHOLE_FILE_MAX)) throw e;
      const parsed = parseConversationsJson(await file.text());
      if (!parsed.ok) throw new JsonItemsError(parsed.error);
      return { total: parsed.conversations.length, items: parsed.conversations.map((c) => JSON.stringify(c)) };
    }
  };

  const send = async (items: string[] | undefined) => {
    const ready: string[] = [];
    let first = 0;
    let seq = 0;
    // Each item decoded on its own: small strings, gone soon after they are sent.
    const decoder = new TextDecoder();
    const splitter = splitJsonArray((bytes) => ready.push(decoder.decode(bytes)));
    // Sends full batches from `ready` (all of it when `last`), waiting while IMPORT_WINDOW are unacknowledged.
    const flush = async (last: boolean) => {
      for (;;) {
        let n = 0;
        let chars = 0;
        while (n < ready.length && n < IMPORT_BATCH_ITEMS && (n === 0 || chars + (ready[n] as string).length <= IMPORT_BATCH_CHARS))
          chars += (ready[n++] as string).length;
        if (n === 0 || (n === ready.length && n < IMPORT_BATCH_ITEMS && !last)) return;
        while (inFlight >= IMPORT_WINDOW && !stopped) await new Promise<void>((resolve) => (wake = resolve));
        if (stopped) return;
        const batch = ready.splice(0, n);
        ui.send({ type: 'import/batch', importId, seq: seq++, first, items: batch });
        first += n;
        inFlight++;
      }
    };
    if (items) ready.push(...items);
    else {
      for await (const bytes of slices(file)) {
        if (stopped) return;
        splitter.push(bytes);
        await flush(false);
        await pause();
      }
      splitter.end();
    }
    await flush(true);
    while (inFlight > 0 && !stopped) await new Promise<void>((resolve) => (wake = resolve));
  };

  const run = async () => {
    try {
      const counted = await count();
      if (stopped) return;
      total = counted.total;
      stage = 'sending';
      show(t('import_run_progress', 0, total), 0);
      ui.send({ type: 'import/begin', importId, total });
      await send(counted.items);
      if (stopped) return;
      stage = 'finishing';
      show(tn('import_run_finishing', total), 1);
      ui.send({ type: 'import/commit', importId });
    } catch (e) {
      const text = e instanceof JsonItemsError ? t('import_run_failed', e.message) : t('import_run_unreadable', e instanceof Error ? e.message : String(e));
      if (stage === 'reading') return end('error', text);
      // The background undoes what it wrote and answers "cancelled"; this says why.
      problem = text;
      stopped = true;
      ui.send({ type: 'import/cancel', importId });
    }
  };
  void run();

  return {
    reply(msg) {
      if (msg.importId !== importId || stage === 'over') return;
      if (msg.type === 'import/ack') {
        inFlight--;
        if (stage === 'sending' && !stopped) show(t('import_run_progress', msg.done, total), msg.done / Math.max(1, total));
        return wake();
      }
      if (problem && msg.outcome === 'cancelled') return end('error', problem);
      end(msg.outcome === 'failed' ? 'error' : 'info', msg.message);
    },
    cancel() {
      if (stage === 'reading') return end('info', t('import_run_cancelled'));
      if (stage !== 'sending' || stopped) return;
      stopped = true;
      wake();
      ui.progress({ text: t('import_run_cancelling'), fraction: null, cancellable: false });
      ui.send({ type: 'import/cancel', importId });
    },
    linkLost() {
      if (stage === 'reading' || stage === 'over') return;
      end('error', stage === 'finishing' ? t('import_run_lost_finishing') : t('import_run_lost'));
    },
  };
}
