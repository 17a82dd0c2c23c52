/**
 * The model pulls under way (lib/background/pulls.ts), so a background that restarts mid-pull
 * resumes them. In storage.local, not storage.session: session storage is emptied when the
 * extension is updated or reloaded and when the browser restarts, and each of those would lose a
 * 2 GB download the user asked for; Ollama resumes a pull from the layers it already has, so
 * calling /api/pull again costs nothing. Typed as unknown: a damaged value reads as no pulls.
 */
import { storage } from 'wxt/utils/storage';

export interface PullRecord {
  /** The model name as pulled. */
  name: string;
  /** The connection's id; absent: the default connection. */
  connection?: string;
  /** When the pull was first started (ms since epoch). */
  startedAt: number;
}

export const pullRecordsItem = storage.defineItem<unknown>('local:ollama_chat_pulls', {
  fallback: [],
  version: 1,
});

function sanitizeRecord(raw: unknown): PullRecord | null {
  if (!raw || typeof raw !== 'object') return null;
  const { name, connection, startedAt } = raw as Record<string, unknown>;
  if (typeof name !== 'string' || !name.trim() || typeof startedAt !== 'number' || !Number.isFinite(startedAt)) return null;
  return { name, startedAt, ...(typeof connection === 'string' && connection ? { connection } : {}) };
}

/** One record per model name (the first wins); anything malformed is dropped. */
export function sanitizePullRecords(raw: unknown): PullRecord[] {
  if (!Array.isArray(raw)) return [];
  const seen = new Set<string>();
  const out: PullRecord[] = [];
  for (const item of raw) {
    const rec = sanitizeRecord(item);
    if (!rec || seen.has(rec.name)) continue;
    seen.add(rec.name);
    out.push(rec);
  }
  return out;
}

export async function readPullRecords(): Promise<PullRecord[]> {
  return sanitizePullRecords(await pullRecordsItem.getValue().catch(() => []));
}

// One write after another: each reads what the last one wrote, so an add and a remove never undo each other.
let queue: Promise<unknown> = Promise.resolve();

function update(change: (list: PullRecord[]) => PullRecord[]): Promise<void> {
  const run = queue.then(async () => {
    await pullRecordsItem.setValue(change(await readPullRecords()));
  });
  queue = run.catch(() => undefined);
  return run;
}

export const pullRecordsIO = {
  read: readPullRecords,
  /** Records a pull; one already recorded under its name keeps its first start time. */
  add: (rec: PullRecord) => update((list) => (list.some((r) => r.name === rec.name) ? list : [...list, rec])),
  remove: (name: string) => update((list) => list.filter((r) => r.name !== name)),
};
