/**
 * The background's conversation history: the only writer of the storage contract's array.
 * Every change goes through one queue (no lost read-modify-write), is validated on read, and
 * only replaces the cached list once the write succeeded, so a failed save loses nothing.
 */
import {
  type Conversation,
  type ConversationId,
  removeConversation,
  renameConversation,
  upsertConversation,
} from '../conversations/contract';
import { type MergeResult, mergeImport } from '../conversations/merge';
import { parseConversations } from '../conversations/validate';

export interface HistoryIO {
  read(): Promise<unknown>;
  write(list: Conversation[]): Promise<void>;
  /** Keeps an unreadable stored value under another key; returns that key. */
  backup(raw: unknown): Promise<string>;
  /** Brings the list's index up to date after a load. */
  syncIndex(list: Conversation[]): Promise<void>;
}

/** What a save needs; id, created_at and title are kept or derived (upsertConversation). */
export type ConversationDraft = Parameters<typeof upsertConversation>[1];

export class HistoryWriteError extends Error {
  constructor(message: string, readonly quota: boolean) {
    super(message);
    this.name = 'HistoryWriteError';
  }
}

// Chromium: "QUOTA_BYTES quota exceeded" / "Resource::kQuotaBytes quota exceeded";
// Firefox: "QuotaExceededError" / "…storage quota…".
function toWriteError(e: unknown): HistoryWriteError {
  const text = e instanceof Error ? `${e.name} ${e.message}` : String(e);
  return /quota/i.test(text)
    ? new HistoryWriteError('Storage quota exceeded: the conversation was not saved. Export and delete old conversations, then retry.', true)
    : new HistoryWriteError(`Saving the conversation failed: ${e instanceof Error ? e.message : text}`, false);
}

export interface HistoryStore {
  list(): Promise<Conversation[]>;
  get(id: string): Promise<Conversation | null>;
  save(draft: ConversationDraft): Promise<Conversation>;
  rename(id: string, title: string): Promise<void>;
  remove(id: string): Promise<Conversation | null>;
  restore(conversation: Conversation): Promise<void>;
  importMany(incoming: Conversation[]): Promise<MergeResult>;
  /** Storage changed (maybe not by us: devtools, another copy of the worker); drop a stale cache. */
  noteStoredValue(raw: unknown): void;
}

// Identity of a stored list: which conversations, at which version.
function fingerprint(list: unknown): string {
  if (!Array.isArray(list)) return `!${typeof list}`;
  return list.map((c: { id?: unknown; updated_at?: unknown } | null) => `${String(c?.id)}@${String(c?.updated_at)}`).join('|');
}

export function createHistoryStore(io: HistoryIO, onProblem: (message: string) => void): HistoryStore {
  let cache: Conversation[] | null = null;
  let queue: Promise<unknown> = Promise.resolve();

  let loading: Promise<Conversation[]> | null = null;
  // One read at a time: callers arriving during a read share it.
  const load = (): Promise<Conversation[]> => {
    if (cache) return Promise.resolve(cache);
    loading ??= readAndRepair().finally(() => {
      loading = null;
    });
    return loading;
  };

  const readAndRepair = async (): Promise<Conversation[]> => {
    const raw = await io.read();
    const parsed = parseConversations(raw);
    if (parsed.ok) {
      cache = parsed.conversations;
      await io.syncIndex(cache);
      return cache;
    }
    const key = await io.backup(raw);
    onProblem(`Saved conversations could not be read (${parsed.error}). They were kept unchanged under "${key}"; new conversations start a fresh list.`);
    cache = [];
    return cache;
  };

  // Runs one change at a time, in order; a failure rejects that change only.
  const change = <T>(fn: (list: Conversation[]) => { list: Conversation[]; result: T } | null): Promise<T | null> => {
    const run = queue.then(async () => {
      const next = fn(await load());
      if (!next) return null;
      try {
        await io.write(next.list);
      } catch (e) {
        throw toWriteError(e);
      }
      cache = next.list;
      return next.result;
    });
    queue = run.catch(() => {});
    return run;
  };

  return {
    list: () => queue.then(load),
    get: async (id) => (await queue.then(load)).find((c) => c.id === id) ?? null,
    async save(draft) {
      const saved = await change((list) => {
        const r = upsertConversation(list, draft);
        return { list: r.list, result: r.saved };
      });
      if (!saved) throw new HistoryWriteError('Saving the conversation failed.', false);
      return saved;
    },
    async rename(id, title) {
      await change((list) => (list.some((c) => c.id === id) ? { list: renameConversation(list, id as ConversationId, title), result: true } : null));
    },
    async remove(id) {
      return change((list) => {
        const gone = list.find((c) => c.id === id);
        return gone ? { list: removeConversation(list, id as ConversationId), result: gone } : null;
      });
    },
    async restore(conversation) {
      await change((list) => ({ list: mergeImport(list, [conversation]).list, result: true }));
    },
    async importMany(incoming) {
      const r = await change((list) => {
        const merged = mergeImport(list, incoming);
        return { list: merged.list, result: merged };
      });
      return r ?? { list: [], added: 0, updated: 0, unchanged: 0 };
    },
    noteStoredValue(raw) {
      if (cache && fingerprint(raw) === fingerprint(cache)) return;
      cache = null;
      // Re-read now, so the index follows data written behind our back (an import by hand, a bench).
      void queue.then(load).catch(() => {});
    },
  };
}
