/**
 * At most one render per animation frame, the first one at once: a token that arrives in a
 * quiet frame is drawn in the same task (the bench's token latency: a frame's wait is ~8 ms on
 * average), and tokens arriving while this frame has already drawn wait for the next frame,
 * together. Hidden pages get no frames, so a timer stands in for them.
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
  // This frame has drawn already; `pending`: something arrived since.
  let drawn = false;
  let pending = false;
  const clear = () => {
    if (frame !== null) clock.cancelFrame(frame);
    if (timer !== null) clock.clearTimer(timer);
    frame = null;
    timer = null;
  };
  const nextFrame = () => {
    clear();
    drawn = false;
    if (!pending) return;
    pending = false;
    draw();
  };
  const draw = () => {
    drawn = true;
    run();
    frame = clock.requestFrame(nextFrame);
    timer = clock.setTimer(nextFrame, HIDDEN_FALLBACK_MS);
  };
  return {
    request() {
      if (drawn) pending = true;
      else draw();
    },
    cancel() {
      clear();
      drawn = false;
      pending = false;
    },
  };
}
