/**
 * Saves one exchange as it happens: the question at once, the growing reply at most once per
 * interval (marked interrupted, so a worker killed mid-stream leaves an honest record), and the
 * final reply when it ends. Checkpoints ride on chunk arrival: no timer.
 */
import type { ConversationId, HistoryMessage, MessageVersion, ReplyStats } from '../conversations/contract';
import type { ConversationRef } from '../protocol';
import { HistoryConflictError, type HistoryStore } from './store';

export const CHECKPOINT_INTERVAL_MS = 1000;

export type Outcome = 'done' | 'stopped' | 'interrupted';

export interface RecorderOptions {
  store: HistoryStore;
  conversation: ConversationRef;
  model: string;
  history: HistoryMessage[];
  /** Regenerate: the earlier replies, kept as versions beside this one. */
  versions?: MessageVersion[];
  onProblem(message: string): void;
  now?: () => number;
  intervalMs?: number;
}

export interface Recorder {
  /**
   * Saves the question, unless the stored copy is no longer `base` (the `updated_at` the panel
   * built its history from; null: never saved): then nothing is written and it says 'conflict'.
   */
  begin(base: string | null): Promise<'saved' | 'conflict'>;
  checkpoint(text: () => string, thinking: () => string): void;
  /** Saves the reply; resolves to the stored version (`updated_at`) after it, when known. */
  finish(outcome: Outcome, text: string, thinking: string, stats?: ReplyStats): Promise<string | undefined>;
}

export function createRecorder(o: RecorderOptions): Recorder {
  const now = o.now ?? Date.now;
  const interval = o.intervalMs ?? CHECKPOINT_INTERVAL_MS;
  const startedAt = new Date(now()).toISOString();
  let lastSave = now();
  let pending: Promise<void> = Promise.resolve();
  let busy = false;
  let version: string | undefined;

  const reply = (content: string, thinking: string, status?: HistoryMessage['status'], stats?: ReplyStats): HistoryMessage => ({
    role: 'assistant',
    content,
    timestamp: startedAt,
    ...(status ? { status } : {}),
    ...(thinking ? { thinking } : {}),
    ...(stats ? { stats } : {}),
    ...(o.versions?.length ? { versions: o.versions } : {}),
  });
  // The earlier replies must never be lost: until this one has text, an empty placeholder holds them.
  const holder = o.versions?.length ? reply('', '', 'interrupted') : undefined;

  const write = (last: HistoryMessage | undefined, expected?: string | null) =>
    o.store
      .save(
        {
          id: o.conversation.id as ConversationId,
          ...(o.conversation.title ? { title: o.conversation.title } : {}),
          ...(o.conversation.system ? { system: o.conversation.system } : {}),
          ...(o.conversation.connection ? { connection: o.conversation.connection } : {}),
          model: o.model,
          messages: last ? [...o.history, last] : o.history,
        },
        expected,
      )
      .then((saved) => {
        version = saved.updated_at;
      });
  // After the question is in, this exchange owns the conversation (the background refuses a
  // second request for it), so later saves need no version check: a rename meanwhile is kept.
  const save = (last?: HistoryMessage): Promise<void> => {
    pending = write(last).catch((e: unknown) => o.onProblem(e instanceof Error ? e.message : String(e)));
    return pending;
  };

  return {
    async begin(base) {
      try {
        await write(holder, base);
      } catch (e) {
        if (e instanceof HistoryConflictError) return 'conflict';
        o.onProblem(e instanceof Error ? e.message : String(e));
      }
      return 'saved';
    },
    checkpoint(text, thinking) {
      // Text is joined only when a save is due, so the per-chunk cost is one clock read.
      if (busy || now() - lastSave < interval) return;
      busy = true;
      lastSave = now();
      void save(reply(text(), thinking(), 'interrupted')).finally(() => {
        busy = false;
      });
    },
    async finish(outcome, text, thinking, stats) {
      await pending;
      // A reply that never produced text is not stored; the question is (it was saved at begin).
      const done = outcome === 'done';
      await save(text || thinking ? reply(text, thinking, done ? undefined : outcome, done ? stats : undefined) : holder);
      return version;
    },
  };
}
