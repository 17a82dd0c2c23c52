import { describe, expect, it } from 'vitest';
import { type FrameClock, frameScheduler, HIDDEN_FALLBACK_MS } from '../../../components/markdown/frame';

function fakeClock() {
  const frames = new Map<number, () => void>();
  const timers = new Map<number, { cb: () => void; ms: number }>();
  let id = 0;
  const clock: FrameClock = {
    requestFrame: (cb) => {
      frames.set(++id, cb);
      return id;
    },
    cancelFrame: (n) => frames.delete(n),
    setTimer: (cb, ms) => {
      timers.set(++id, { cb, ms });
      return id as unknown as ReturnType<typeof setTimeout>;
    },
    clearTimer: (n) => timers.delete(n as unknown as number),
  };
  const runFrame = () => {
    const pending = [...frames.values()];
    frames.clear();
    for (const cb of pending) cb();
  };
  const runTimers = () => {
    const pending = [...timers.values()];
    timers.clear();
    for (const t of pending) t.cb();
  };
  return { clock, frames, timers, runFrame, runTimers };
}

describe('frameScheduler', () => {
  it('draws the first request at once, then at most once per frame for the rest', () => {
    const c = fakeClock();
    let runs = 0;
    const s = frameScheduler(() => runs++, c.clock);
    s.request();
    expect(runs).toBe(1);
    for (let i = 0; i < 50; i++) s.request();
    expect(runs).toBe(1);
    c.runFrame();
    expect(runs).toBe(2);
    c.runFrame();
    expect(runs).toBe(2);
    // A quiet frame passed: the next request draws at once again.
    s.request();
    expect(runs).toBe(3);
  });

  it('a frame with nothing new draws nothing', () => {
    const c = fakeClock();
    let runs = 0;
    const s = frameScheduler(() => runs++, c.clock);
    s.request();
    c.runFrame();
    expect(runs).toBe(1);
  });

  it('draws from a timer when no frame comes (hidden page), but not twice', () => {
    const c = fakeClock();
    let runs = 0;
    const s = frameScheduler(() => runs++, c.clock);
    s.request();
    s.request();
    expect([...c.timers.values()][0]?.ms).toBe(HIDDEN_FALLBACK_MS);
    c.runTimers();
    expect(runs).toBe(2);
    c.runFrame();
    c.runTimers();
    c.runFrame();
    expect(runs).toBe(2);
  });

  it('cancel drops the pending draw', () => {
    const c = fakeClock();
    let runs = 0;
    const s = frameScheduler(() => runs++, c.clock);
    s.request();
    s.request();
    s.cancel();
    c.runFrame();
    c.runTimers();
    expect(runs).toBe(1);
  });
});
