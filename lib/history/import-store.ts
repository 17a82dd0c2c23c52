/**
 * The storage side of an import (lib/background/import-session.ts drives it). Each batch is
 * written in one storage call: its conversations plus a journal entry naming them. The index
 * (what the panel lists) is published once, at the end: rewriting it per batch would cost
 * O(index) per batch, O(n²) for the import, and every index write is pushed into each open panel
 * by storage.onChanged. A cancelled or failed import is undone from the journal, and so is one
 * found unfinished when the background starts (the browser quit, the worker was killed), so an
 * import is all or nothing. Imports never change a stored conversation, only add new ones, so
 * undoing one is removing what it wrote.
 */
import type { Conversation } from '../conversations/contract';
import { t } from '../i18n';
import { importedCopy, sameContent } from '../conversations/merge';
import { type ConversationSummary, mergeNewestFirst, shardOf, sortSummaries, summarize } from './summary';

/** Storage an import needs, beside lib/history/store.ts's HistoryIO (lib/storage/import-io.ts). */
export interface ImportIO {
  /** Stored values (raw) of these conversations, by id; absent ids are missing. */
  readConversations(ids: string[]): Promise<Map<string, unknown>>;
  /** Batch `seq` of import `importId`: the conversations and their journal entry, in one call. */
  writeImportBatch(importId: string, seq: number, convs: Conversation[]): Promise<void>;
  /** Writes these index shards (one call each, so each change event stays small), then drops the journal. */
  publishImport(index: ConversationSummary[], shards: number[]): Promise<void>;
  /** The ids written by an import that did not finish, if the journal has one. */
  readImportJournal(): Promise<string[] | undefined>;
  /** Removes these conversations and the journal. */
  discardImport(ids: string[]): Promise<void>;
}

export interface BatchResult {
  added: number;
  copies: number;
  same: number;
  /** Summaries of what was written, for publish(). */
  written: ConversationSummary[];
}

export interface ImportStore {
  /** Starts an import; undoes a journal left by one that could not be undone before. */
  begin(importId: string): Promise<void>;
  /**
   * Writes one batch: a new id as it is; an id taken by a different conversation as a copy
   * (importedCopy); an identical one not at all. `taken` holds every id this import wrote so far.
   */
  addBatch(importId: string, incoming: Conversation[], taken: Set<string>): Promise<BatchResult>;
  /** Adds the import's summaries to the index and ends the journal. */
  publish(written: ConversationSummary[]): Promise<void>;
  /** Removes what an unfinished import wrote (index entries too); returns how many conversations. */
  undo(): Promise<number>;
}

export interface ImportStoreDeps {
  io: ImportIO;
  /** The index as the store holds it (read once). */
  index(): Promise<ConversationSummary[]>;
  /** The index changed (null: read it again); conversations cached by the store may be stale. */
  changed(index: ConversationSummary[] | null): void;
  /** Writes a whole index (rare: undoing an import that was being published). */
  writeIndex(index: ConversationSummary[]): Promise<void>;
}

// Ids derived for a copy that are all taken: practically never, but a loop needs an end.
const MAX_ATTEMPTS = 8;

export function createImportStore({ io, index, changed, writeIndex }: ImportStoreDeps): ImportStore {
  let seq = 0;
  // The index's ids, rebuilt only when the index is another array (not per batch).
  let known: { of: ConversationSummary[]; ids: Set<string> } | null = null;
  const idsOf = (list: ConversationSummary[]) => {
    if (known?.of !== list) known = { of: list, ids: new Set(list.map((s) => s.id)) };
    return known.ids;
  };

  const undo = async () => {
    const ids = await io.readImportJournal();
    if (!ids) return 0;
    await io.discardImport(ids);
    const gone = new Set(ids);
    const list = await index();
    const rest = list.filter((s) => !gone.has(s.id));
    if (rest.length !== list.length) await writeIndex(rest);
    changed(rest);
    return ids.length;
  };

  return {
    async begin() {
      seq = 0;
      await undo();
    },
    async addBatch(importId, incoming, taken) {
      const local = idsOf(await index());
      const r: BatchResult = { added: 0, copies: 0, same: 0, written: [] };
      const put: Conversation[] = [];
      let pending = incoming.map((conv) => ({ conv, attempt: -1 })); // -1: under its own id
      while (pending.length) {
        const candidates = pending.map((p) => (p.attempt < 0 ? p.conv : importedCopy(p.conv, p.attempt)));
        const stored = await io.readConversations(candidates.filter((c) => local.has(c.id)).map((c) => c.id));
        const next: typeof pending = [];
        candidates.forEach((c, i) => {
          const p = pending[i] as (typeof pending)[number];
          if (!local.has(c.id) && !taken.has(c.id)) {
            put.push(c);
            taken.add(c.id);
            if (p.attempt < 0) r.added++;
            else r.copies++;
          } else if (local.has(c.id) && sameContent(stored.get(c.id), c)) r.same++;
          else if (p.attempt + 1 < MAX_ATTEMPTS) next.push({ conv: p.conv, attempt: p.attempt + 1 });
          else throw new Error(t('history_import_no_free_id', p.conv.title));
        });
        pending = next;
      }
      if (put.length) await io.writeImportBatch(importId, seq++, put);
      r.written = summarize(put);
      return r;
    },
    async publish(written) {
      const next = mergeNewestFirst([await index(), sortSummaries(written)]);
      // Before the writes, so the background's own change events find the index it expects.
      changed(next);
      try {
        await io.publishImport(next, [...new Set(written.map((s) => shardOf(s.id)))]);
      } catch (e) {
        changed(null);
        throw e;
      }
    },
    undo,
  };
}
