/**
 * At most one render per animation frame, and the first pending update always in the very next
 * frame: a request only schedules when none is pending, it never postpones one. Hidden pages get
 * no frames, so a timer stands in for them.
 */

export interface FrameScheduler {
  request(): void;
  cancel(): void;
}

export interface FrameClock {
  requestFrame(cb: () => void): number;
  cancelFrame(id: number): void;
  setTimer(cb: () => void, ms: number): ReturnType<typeof setTimeout>;
  clearTimer(id: ReturnType<typeof setTimeout>): void;
}

const browserClock: FrameClock = {
  requestFrame: (cb) => requestAnimationFrame(cb),
  cancelFrame: (id) => cancelAnimationFrame(id),
  setTimer: (cb, ms) => setTimeout(cb, ms),
  clearTimer: (id) => clearTimeout(id),
};

/** If no frame comes this long after a request (page hidden), render anyway. */
export const HIDDEN_FALLBACK_MS = 250;

export function frameScheduler(run: () => void, clock: FrameClock = browserClock): FrameScheduler {
  let frame: number | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const cancel = () => {
    if (frame !== null) clock.cancelFrame(frame);
    if (timer !== null) clock.clearTimer(timer);
    frame = null;
    timer = null;
  };
  const fire = () => {
    cancel();
    run();
  };
  return {
    request() {
      if (frame !== null) return;
      frame = clock.requestFrame(fire);
      timer = clock.setTimer(fire, HIDDEN_FALLBACK_MS);
    },
    cancel,
  };
}
