/**
 * Saves one exchange as it happens: the question at once, the growing reply at most once per
 * interval (marked interrupted, so a worker killed mid-stream leaves an honest record), and the
 * final reply when it ends. Checkpoints ride on chunk arrival: no timer.
 */
import type { ConversationId } from '../conversations/contract';
import type { ConversationRef, HistoryMessage } from '../protocol';
import type { HistoryStore } from './store';

export const CHECKPOINT_INTERVAL_MS = 1000;

export type Outcome = 'done' | 'stopped' | 'interrupted';

export interface RecorderOptions {
  store: HistoryStore;
  conversation: ConversationRef;
  model: string;
  history: HistoryMessage[];
  onProblem(message: string): void;
  now?: () => number;
  intervalMs?: number;
}

export interface Recorder {
  begin(): Promise<void>;
  checkpoint(text: () => string, thinking: () => string): void;
  finish(outcome: Outcome, text: string, thinking: string): Promise<void>;
}

export function createRecorder(o: RecorderOptions): Recorder {
  const now = o.now ?? Date.now;
  const interval = o.intervalMs ?? CHECKPOINT_INTERVAL_MS;
  const startedAt = new Date(now()).toISOString();
  let lastSave = now();
  let pending: Promise<void> = Promise.resolve();
  let busy = false;

  const reply = (content: string, thinking: string, status?: HistoryMessage['status']): HistoryMessage => ({
    role: 'assistant',
    content,
    timestamp: startedAt,
    ...(status ? { status } : {}),
    ...(thinking ? { thinking } : {}),
  });

  const save = (last?: HistoryMessage): Promise<void> => {
    pending = o.store
      .save({
        id: o.conversation.id as ConversationId,
        ...(o.conversation.title ? { title: o.conversation.title } : {}),
        model: o.model,
        messages: last ? [...o.history, last] : o.history,
      })
      .then(
        () => {},
        (e: unknown) => o.onProblem(e instanceof Error ? e.message : String(e)),
      );
    return pending;
  };

  return {
    begin: () => save(),
    checkpoint(text, thinking) {
      // Text is joined only when a save is due, so the per-chunk cost is one clock read.
      if (busy || now() - lastSave < interval) return;
      busy = true;
      lastSave = now();
      void save(reply(text(), thinking(), 'interrupted')).finally(() => {
        busy = false;
      });
    },
    async finish(outcome, text, thinking) {
      await pending;
      // A reply that never produced text is not stored; the question is (it was saved at begin).
      await save(text || thinking ? reply(text, thinking, outcome === 'done' ? undefined : outcome) : undefined);
    },
  };
}
