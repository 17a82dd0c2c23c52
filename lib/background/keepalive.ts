/**
 * Keeps the background alive while work that has no extension events runs: a reply waiting for
 * a model to load (no bytes for minutes), a long pause mid-reply, a model pull.
 *
 * Why: Chrome stops an MV3 service worker after 30 s without extension events or API calls, and
 * Firefox suspends an idle event page after `extensions.background.idle.timeout` (30 s); a
 * pending fetch counts as neither. Each extension API call resets both timers (Chrome 110+,
 * https://developer.chrome.com/docs/extensions/develop/concepts/service-workers/lifecycle ;
 * Firefox resets its idle timer on API calls from the background too), so while anything holds
 * the keep-alive we make one cheap call every `intervalMs` (well under 30 s). With nothing held,
 * no timer runs and the browser may stop the background as usual.
 */

export interface KeepAlive {
  /** Keeps the background alive until the returned function is called (idempotent). */
  hold(reason: string): () => void;
  /** What holds it now (for diagnostics and tests). */
  reasons(): string[];
}

export interface KeepAliveDeps {
  /** A cheap extension API call; its result is ignored. */
  ping(): Promise<unknown>;
  intervalMs?: number;
  setInterval?: (fn: () => void, ms: number) => unknown;
  clearInterval?: (handle: unknown) => void;
}

export const KEEPALIVE_INTERVAL_MS = 20_000;

export function createKeepAlive(deps: KeepAliveDeps): KeepAlive {
  const every = deps.intervalMs ?? KEEPALIVE_INTERVAL_MS;
  const start = deps.setInterval ?? ((fn, ms) => setInterval(fn, ms));
  const stop = deps.clearInterval ?? ((h) => clearInterval(h as ReturnType<typeof setInterval>));
  const holders = new Map<number, string>();
  let next = 0;
  let timer: unknown = null;

  const beat = () => {
    // A failed ping changes nothing: the next one comes in `every` ms.
    deps.ping().catch(() => {});
  };

  return {
    hold(reason) {
      const id = next++;
      holders.set(id, reason);
      if (timer === null) timer = start(beat, every);
      return () => {
        if (!holders.delete(id) || holders.size > 0 || timer === null) return;
        stop(timer);
        timer = null;
      };
    },
    reasons: () => [...holders.values()],
  };
}
