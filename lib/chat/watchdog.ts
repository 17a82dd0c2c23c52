/**
 * Fires when a stream goes quiet: `firstMs` until the first chunk (model loading is slow), then
 * `stallMs` between chunks. Feeding is a field write, so it costs nothing per token; the single
 * timer re-arms itself for the remaining time when it wakes early.
 */
export type WatchdogCause = 'first-token' | 'stall';

export interface Watchdog {
  feed(): void;
  stop(): void;
}

export function createWatchdog(firstMs: number, stallMs: number, onFire: (cause: WatchdogCause) => void, now: () => number = Date.now): Watchdog {
  let started = false;
  let last = now();
  let timer: ReturnType<typeof setTimeout> | undefined;

  const arm = (ms: number) => {
    clearTimeout(timer);
    timer = setTimeout(check, ms);
  };
  const check = () => {
    const limit = started ? stallMs : firstMs;
    const idle = now() - last;
    if (idle >= limit) {
      timer = undefined;
      onFire(started ? 'stall' : 'first-token');
    } else arm(limit - idle);
  };
  arm(firstMs);

  return {
    feed() {
      last = now();
      if (!started) {
        started = true;
        arm(stallMs);
      }
    },
    stop() {
      clearTimeout(timer);
      timer = undefined;
    },
  };
}
