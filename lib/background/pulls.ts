/**
 * Model pulls run here, not in a panel: one per model name, outliving any panel (closing the
 * panel does not stop a 2 GB download). Progress is kept in memory and sent to every panel,
 * and to each panel that connects while a pull runs. While one runs, the keep-alive is held:
 * a stream's bytes are no extension event, and the browser would stop the background.
 */
import { t } from '../i18n';
import type { ModelsApi } from '../ollama/client';
import { AbortedByUs } from '../ollama/errors';
import type { ModelsReply, PullProgress } from '../protocol-models';
import { createPullTracker } from '../pull-progress';
import type { PullRecord } from '../storage/pulls';
import type { KeepAlive } from './keepalive';

/** At most one progress message per pull this often, plus one on every status change. */
export const PROGRESS_EVERY_MS = 250;

export interface PullsDeps {
  keepAlive: Pick<KeepAlive, 'hold'>;
  /** Posts to every connected panel. */
  broadcast(msg: ModelsReply): void;
  now?: () => number;
  /**
   * Where running pulls are recorded (lib/storage/pulls.ts) so a restarted background resumes
   * them (lib/background/pull-resume.ts): added on start, removed when the pull ends in any way.
   */
  records?: { add(rec: PullRecord): Promise<void>; remove(name: string): Promise<void> };
}

export interface Pulls {
  /**
   * Starts pulling `name` unless it is already being pulled; `explain` words a failure for the
   * user; `connection` (an id) is recorded for a resume.
   */
  start(name: string, api: ModelsApi, explain: (e: unknown) => string, connection?: string): void;
  cancel(name: string): void;
  /** The running pulls' progress, for a panel that just connected. */
  running(): PullProgress[];
}

export function createPulls(deps: PullsDeps): Pulls {
  const now = deps.now ?? (() => Date.now());
  const pulls = new Map<string, { abort: AbortController; progress: PullProgress }>();
  // A record that cannot be written only means no resume after a restart: the pull itself goes on.
  const record = (write: Promise<void> | undefined) => void write?.catch((e: unknown) => console.warn('Could not record a model pull', e));

  const run = async (name: string, api: ModelsApi, explain: (e: unknown) => string, abort: AbortController) => {
    const release = deps.keepAlive.hold(`pull ${name}`);
    const tracker = createPullTracker(name);
    const entry = { abort, progress: tracker.current() };
    pulls.set(name, entry);
    deps.broadcast({ type: 'models/progress', pull: entry.progress });
    let sentAt = now();
    let finished = false;
    try {
      for await (const line of api.pull(name, abort.signal)) {
        const before = entry.progress.status;
        entry.progress = tracker.add(line, now());
        if (line.status === 'success') finished = true;
        if (entry.progress.status !== before || now() - sentAt >= PROGRESS_EVERY_MS) {
          sentAt = now();
          deps.broadcast({ type: 'models/progress', pull: entry.progress });
        }
      }
      // A stream that ends without "success" did not install the model.
      if (!finished) throw new Error(t('pulls_incomplete', name));
      deps.broadcast({ type: 'models/pull-done', name, outcome: 'success', message: t('pulls_done', name) });
    } catch (e) {
      const cancelled = abort.signal.aborted && abort.signal.reason instanceof AbortedByUs;
      deps.broadcast(
        cancelled
          ? { type: 'models/pull-done', name, outcome: 'cancelled', message: t('pulls_cancelled', name) }
          : { type: 'models/pull-done', name, outcome: 'failed', message: explain(e) },
      );
    } finally {
      pulls.delete(name);
      record(deps.records?.remove(name));
      release();
    }
  };

  return {
    start(name, api, explain, connection) {
      if (pulls.has(name)) return;
      const abort = new AbortController();
      // Registered at once, so a second start in the same tick is a no-op.
      pulls.set(name, { abort, progress: createPullTracker(name).current() });
      record(deps.records?.add({ name, startedAt: now(), ...(connection ? { connection } : {}) }));
      void run(name, api, explain, abort);
    },
    cancel(name) {
      const pull = pulls.get(name);
      if (!pull) return;
      // Forgotten at once, not when the stream has wound down: a background stopped in between must not resume it.
      record(deps.records?.remove(name));
      pull.abort.abort(new AbortedByUs('user'));
    },
    running: () => [...pulls.values()].map((p) => p.progress),
  };
}
