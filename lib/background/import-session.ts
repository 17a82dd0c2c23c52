/**
 * Imports of any size, as sessions (lib/protocol.ts, "Big imports"). Each batch is parsed and
 * checked as it arrives, in order (so the next one's parsing overlaps this one's write), then
 * written (lib/history/import-store.ts) and acknowledged. The commit publishes the index; a
 * cancel, a failed batch (bad JSON, an invalid conversation, a full disk) or the panel going away
 * undoes every write, so the user never has to guess what half an import left behind. One import
 * runs at a time: two would compete for the same ids.
 */
import { itemChecker, type ItemResult } from '../conversations/validate';
import type { Conversation } from '../conversations/contract';
import type { ImportStore } from '../history/import-store';
import type { ConversationSummary } from '../history/summary';
import { t, tn } from '../i18n';
import type { ImportMessage, Post } from '../protocol';

type Msg<T extends ImportMessage['type']> = Extract<ImportMessage, { type: T }>;

export interface ImportSessions {
  begin(msg: Msg<'import/begin'>, post: Post): void;
  batch(msg: Msg<'import/batch'>, post: Post): void;
  commit(msg: Msg<'import/commit'>, post: Post): void;
  cancel(msg: Msg<'import/cancel'>, post: Post): void;
  /** The panel went away: its import, unless already publishing, is undone. */
  detach(post: Post): void;
}

interface Session {
  id: string;
  post: Post;
  total: number;
  received: number;
  check: (item: unknown, index: number) => ItemResult;
  taken: Set<string>;
  counts: { added: number; copies: number; same: number };
  written: ConversationSummary[];
  /** Batches parsed and checked, not yet written. */
  waiting: { seq: number; done: number; convs: Conversation[] }[];
  /** No more batches are written (cancelled, failed, panel gone). */
  stopping: boolean;
  /** Its end is decided: published, or undone. */
  ended: boolean;
  publishing: boolean;
}

const errorText = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** A problem with the file, said as is (other errors are storage's). */
class ImportProblem extends Error {}

function storageProblem(e: unknown): string {
  const text = e instanceof Error ? `${e.name} ${e.message}` : String(e);
  // Chromium: "QUOTA_BYTES quota exceeded"; Firefox: "QuotaExceededError".
  if (/quota/i.test(text)) return t('import_session_quota');
  return t('import_session_save_failed', errorText(e));
}

function doneMessage(s: Session): string {
  const { added, copies, same } = s.counts;
  const fresh = tn('import_session_new', added);
  return copies ? t('import_session_done_copies', fresh, copies, same) : t('import_session_done', fresh, copies, same);
}

export function createImportSessions(store: ImportStore, now: () => number = Date.now): ImportSessions {
  let active: Session | null = null;
  // Every step of every import, one after another: a new import starts after the last one's undo.
  let work = Promise.resolve();
  const queue = (fn: () => Promise<void>) => {
    work = work.then(fn);
  };

  const undo = async () => {
    try {
      await store.undo();
      return '';
    } catch (e) {
      return ` ${t('import_session_undo_failed', errorText(e))}`;
    }
  };
  /** Ends the session after what is queued; `message(extra)` is posted, null when nobody listens. */
  const end = (s: Session, outcome: 'done' | 'cancelled' | 'failed', message: ((extra: string) => string) | null) => {
    s.stopping = true;
    // A next import may begin now: its steps queue after this one's undo.
    if (active === s) active = null;
    queue(async () => {
      if (s.ended) return;
      s.ended = true;
      const extra = outcome === 'done' ? '' : await undo();
      if (message) s.post({ type: 'import/result', importId: s.id, outcome, message: message(extra) });
    });
  };
  const fail = (s: Session, e: unknown) => {
    const problem = e instanceof ImportProblem ? e.message : storageProblem(e);
    end(s, 'failed', (extra) => `${t('import_session_failed', problem)}${extra}`);
  };
  /** A step of a running session; a failure ends it, undone. */
  const step = (s: Session, fn: () => Promise<void>) =>
    queue(async () => {
      if (s.stopping) return;
      await fn().catch((e: unknown) => fail(s, e));
    });
  const mine = (importId: string, post: Post) => (active?.id === importId && active.post === post && !active.stopping ? active : null);

  const parse = (s: Session, msg: Msg<'import/batch'>): Conversation[] => {
    if (msg.first !== s.received) throw new ImportProblem(t('import_session_out_of_order', String(msg.seq)));
    return msg.items.map((text, k) => {
      const index = s.received + k;
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch (e) {
        throw new ImportProblem(t('import_session_item_json', index + 1, errorText(e)));
      }
      const r = s.check(value, index);
      if (!r.ok) throw new ImportProblem(r.error);
      return r.conversation;
    });
  };

  return {
    begin(msg, post) {
      if (active) {
        post({
          type: 'import/result',
          importId: msg.importId,
          outcome: 'failed',
          message: t('import_session_failed', t('import_session_another')),
        });
        return;
      }
      const s: Session = {
        id: msg.importId,
        post,
        total: msg.total,
        received: 0,
        check: itemChecker(now()),
        taken: new Set(),
        counts: { added: 0, copies: 0, same: 0 },
        written: [],
        waiting: [],
        stopping: false,
        ended: false,
        publishing: false,
      };
      active = s;
      step(s, () => store.begin(s.id));
    },
    batch(msg, post) {
      const s = mine(msg.importId, post);
      if (!s) return;
      let convs: Conversation[];
      try {
        // Now, in order, so that parsing overlaps the previous batch's write.
        convs = parse(s, msg);
      } catch (e) {
        // Ends after the batches already queued, so the undo also removes what they write.
        return fail(s, e);
      }
      s.received += convs.length;
      s.waiting.push({ seq: msg.seq, done: s.received, convs });
      // Batches that queued up while a write ran are written together: one storage call each
      // time, as large as the window allows, however small the messages.
      step(s, async () => {
        const ready = s.waiting.splice(0);
        if (!ready.length) return;
        const r = await store.addBatch(
          s.id,
          ready.flatMap((b) => b.convs),
          s.taken,
        );
        s.counts.added += r.added;
        s.counts.copies += r.copies;
        s.counts.same += r.same;
        for (const w of r.written) s.written.push(w);
        for (const b of ready) s.post({ type: 'import/ack', importId: s.id, seq: b.seq, done: b.done });
      });
    },
    commit(msg, post) {
      const s = mine(msg.importId, post);
      if (!s) return;
      step(s, async () => {
        if (s.received !== s.total) throw new ImportProblem(tn('import_session_incomplete', s.total, s.received));
        s.publishing = true;
        await store.publish(s.written);
        end(s, 'done', () => doneMessage(s));
      });
    },
    cancel(msg, post) {
      const s = mine(msg.importId, post);
      if (s) end(s, 'cancelled', (extra) => `${t('import_session_cancelled')}${extra}`);
    },
    detach(post) {
      const s = active;
      if (s && s.post === post && !s.publishing) end(s, 'cancelled', null);
    },
  };
}
