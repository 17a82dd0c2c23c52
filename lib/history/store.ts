/**
 * The background's conversation history, the only writer. Layout v2 (lib/storage/history-io.ts):
 * one storage key per conversation, in the contract's object shape, plus a small index; a save
 * writes one conversation and the index in one call, so its cost does not grow with the history.
 * Changes run one at a time; caches change only after a write succeeded, so a failed save loses
 * nothing.
 */
import { t, tn } from '../i18n';
import { type Conversation, type ConversationDraft, renameConversation, upsertConversation } from '../conversations/contract';
import { parseConversations } from '../conversations/validate';
import { createImportStore, type ImportIO, type ImportStore } from './import-store';
import { type LegacyIO, migrateLegacy } from './legacy';
import { type ConversationSummary, indexFingerprint, searchConversations, shardOf, sortSummaries, summarize, withSummaries } from './summary';

export interface HistoryWrite {
  put?: Conversation[];
  remove?: string[];
  index: ConversationSummary[];
}

export interface HistoryIO extends ImportIO, LegacyIO {
  readIndex(): Promise<unknown>;
  readConversation(id: string): Promise<unknown>;
  /** Every stored conversation value (raw), for search and repair. */
  readAllConversations(): Promise<unknown[]>;
  write(change: HistoryWrite): Promise<void>;
  /** Keeps an unreadable value under a backup key; returns that key. */
  backup(id: string, raw: unknown): Promise<string>;
}

export class HistoryWriteError extends Error {
  constructor(
    message: string,
    readonly quota: boolean,
  ) {
    super(message);
    this.name = 'HistoryWriteError';
  }
}

// Chromium: "QUOTA_BYTES quota exceeded"; Firefox: "QuotaExceededError" / "…storage quota…".
function toWriteError(e: unknown): HistoryWriteError {
  const text = e instanceof Error ? `${e.name} ${e.message}` : String(e);
  return /quota/i.test(text)
    ? new HistoryWriteError(t('history_store_quota'), true)
    : new HistoryWriteError(t('history_store_save_failed', e instanceof Error ? e.message : text), false);
}

/**
 * The stored copy is not the one the writer started from: another panel's reply, a rename or an
 * import came in between. Saving would replace newer data with an older copy, so nothing is saved.
 */
export class HistoryConflictError extends Error {
  constructor(readonly stored: Conversation | null) {
    super(t('history_store_conflict'));
    this.name = 'HistoryConflictError';
  }
}

/** `updated_at` strictly after `previous`, so each save of a conversation has its own version. */
export function nextVersion(previous: string | undefined, now: number): Date {
  const last = previous ? Date.parse(previous) : Number.NaN;
  return new Date(Number.isFinite(last) && last >= now ? last + 1 : now);
}

export interface HistoryStore {
  summaries(): Promise<ConversationSummary[]>;
  get(id: string): Promise<Conversation | null>;
  /**
   * Saves one conversation. With `expected` (the `updated_at` the writer read, or null for "not
   * saved yet"), a stored copy that moved on is not overwritten: HistoryConflictError.
   */
  save(draft: ConversationDraft, expected?: string | null): Promise<Conversation>;
  rename(id: string, title: string): Promise<void>;
  remove(id: string): Promise<Conversation | null>;
  restore(conversation: Conversation): Promise<void>;
  /** Imports (lib/history/import-store.ts), each step queued with the other changes. */
  imports: ImportStore;
  search(query: string): Promise<string[]>;
  /** Index shards changed (key → new value); if not by us (devtools, a test), forget what we cached. */
  noteIndex(shards: Record<string, unknown>): void;
  /** Something was written under the contract key: import it. */
  noteLegacy(): void;
}

const sortIndex = sortSummaries;

export function createHistoryStore(io: HistoryIO, onProblem: (message: string) => void): HistoryStore {
  let index: ConversationSummary[] | null = null;
  let cache = new Map<string, Conversation>();
  let complete = false; // every conversation is in `cache`
  let queue: Promise<unknown> = Promise.resolve();
  let prepared: Promise<void> | null = null;

  const serial = <T>(fn: () => Promise<T>): Promise<T> => {
    const run = queue.then(fn);
    queue = run.catch(() => {});
    return run;
  };
  // An import the background could not finish or undo (it was stopped) is undone now.
  const recover = async () => {
    const n = await imports.undo();
    if (n) onProblem(`${t('history_store_import_unfinished')} ${tn('history_store_import_removed', n)}`);
  };
  const prepare = () => {
    prepared ??= migrateLegacy(io, readIndexRaw, onProblem)
      .then(recover)
      .catch((e: unknown) => onProblem(t('history_store_migrate_failed', e instanceof Error ? e.message : String(e))));
    return prepared;
  };

  const parseOne = async (id: string, raw: unknown): Promise<Conversation | null> => {
    if (raw === undefined) return null;
    const parsed = parseConversations([raw]);
    if (parsed.ok && parsed.conversations[0]) return parsed.conversations[0];
    const key = await io.backup(id, raw);
    onProblem(`A saved conversation could not be read (${parsed.ok ? 'empty' : parsed.error}). It was kept unchanged under "${key}".`);
    return null;
  };

  const loadAll = async (): Promise<Conversation[]> => {
    if (!complete) {
      const convs: Conversation[] = [];
      for (const raw of await io.readAllConversations()) {
        const id = (raw as { id?: unknown } | null)?.id;
        const c = await parseOne(typeof id === 'string' ? id : 'unknown', raw);
        if (c) convs.push(c);
      }
      cache = new Map(convs.map((c) => [c.id, c]));
      complete = true;
    }
    return [...cache.values()];
  };

  // The stored index, or one rebuilt from the conversations (it is derived data).
  const readIndexRaw = async (): Promise<ConversationSummary[]> => {
    const raw = await io.readIndex();
    if (raw === undefined) {
      const rebuilt = sortIndex(summarize(await loadAll()));
      if (rebuilt.length) await io.write({ index: rebuilt });
      return rebuilt;
    }
    if (Array.isArray(raw) && raw.every((s) => s && typeof s.id === 'string' && typeof s.updated_at === 'string')) return raw as ConversationSummary[];
    const rebuilt = sortIndex(summarize(await loadAll()));
    await io.write({ index: rebuilt });
    return rebuilt;
  };

  const currentIndex = async () => {
    index ??= await readIndexRaw();
    return index;
  };
  const loadIndex = async (): Promise<ConversationSummary[]> => {
    await prepare();
    return currentIndex();
  };

  const getOne = async (id: string): Promise<Conversation | null> => {
    await loadIndex();
    const hit = cache.get(id);
    if (hit) return hit;
    const c = await parseOne(id, await io.readConversation(id));
    if (c) cache.set(id, c);
    return c;
  };

  const commit = async (change: HistoryWrite) => {
    try {
      await io.write(change);
    } catch (e) {
      throw toWriteError(e);
    }
    index = change.index;
    for (const c of change.put ?? []) cache.set(c.id, c);
    for (const id of change.remove ?? []) cache.delete(id);
  };

  // Imported conversations are not cached: an import can be far larger than memory should hold.
  const imports = createImportStore({
    io,
    index: currentIndex,
    changed(next) {
      index = next;
      cache = new Map();
      complete = false;
    },
    writeIndex: (next) => io.write({ index: next }),
  });

  const ready = <T>(fn: () => Promise<T>) =>
    serial(async () => {
      await prepare();
      return fn();
    });

  return {
    summaries: () => serial(loadIndex),
    get: (id) => serial(() => getOne(id)),
    save: (draft, expected) =>
      serial(async () => {
        const existing = draft.id ? await getOne(draft.id) : null;
        if (expected !== undefined && (existing?.updated_at ?? null) !== expected) throw new HistoryConflictError(existing);
        const { saved } = upsertConversation(existing ? [existing] : [], draft, nextVersion(existing?.updated_at, Date.now()));
        await commit({ put: [saved], index: withSummaries(await loadIndex(), [saved]) });
        return saved;
      }),
    rename: (id, title) =>
      serial(async () => {
        const existing = await getOne(id);
        const renamed = existing && renameConversation([existing], existing.id, title)[0];
        if (renamed) await commit({ put: [renamed], index: withSummaries(await loadIndex(), [renamed]) });
      }),
    remove: (id) =>
      serial(async () => {
        const gone = await getOne(id);
        const rest = (await loadIndex()).filter((s) => s.id !== id);
        if (gone || rest.length !== index?.length) await commit({ remove: [id], index: rest });
        return gone;
      }),
    restore: (conversation) =>
      serial(async () => {
        await commit({ put: [conversation], index: withSummaries(await loadIndex(), [conversation]) });
      }),
    imports: {
      begin: (id) => ready(() => imports.begin(id)),
      addBatch: (id, incoming, taken) => ready(() => imports.addBatch(id, incoming, taken)),
      publish: (written) => ready(() => imports.publish(written)),
      undo: () => ready(imports.undo),
    },
    search: (query) => serial(async () => searchConversations(await loadAll(), query)),
    noteLegacy() {
      prepared = null;
      index = null;
      void serial(loadIndex);
    },
    noteIndex(shards) {
      const ours = index;
      const same = (key: string, value: unknown) => {
        const n = Number(key.slice(key.lastIndexOf(':') + 1));
        return ours !== null && Array.isArray(value) && indexFingerprint(value) === indexFingerprint(sortSummaries(ours.filter((s) => shardOf(s.id) === n)));
      };
      if (Object.entries(shards).every(([k, v]) => same(k, v))) return;
      index = null;
      cache = new Map();
      complete = false;
    },
  };
}
