/**
 * A job that brings the browser in line with stored settings (the Origin rules, the context
 * menu), run one at a time. Each run reads the settings itself when its turn comes, so the run
 * queued by the latest change finishes last and sees that change. With runs that each carried the
 * settings they were started with, the start-up read (begun before a write, answered after it)
 * could finish after the change's run and put the old server's rule back: every chat then got 403.
 */
export function oneAtATime(job: () => Promise<void>): () => Promise<void> {
  let last: Promise<void> = Promise.resolve();
  return () => {
    last = last.then(job, job);
    return last;
  };
}
