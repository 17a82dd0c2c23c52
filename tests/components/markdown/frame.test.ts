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
  it('asks for the very next frame on the first request and runs once for many', () => {
    const c = fakeClock();
    let runs = 0;
    const s = frameScheduler(() => runs++, c.clock);
    s.request();
    expect(c.frames.size).toBe(1);
    for (let i = 0; i < 50; i++) s.request();
    expect(c.frames.size).toBe(1);
    c.runFrame();
    expect(runs).toBe(1);
    c.runFrame();
    expect(runs).toBe(1);
  });

  it('a request during or after a frame gets the next frame', () => {
    const c = fakeClock();
    let runs = 0;
    const s = frameScheduler(() => runs++, c.clock);
    s.request();
    c.runFrame();
    s.request();
    expect(c.frames.size).toBe(1);
    c.runFrame();
    expect(runs).toBe(2);
  });

  it('renders from a timer when no frame comes (hidden page), but not twice', () => {
    const c = fakeClock();
    let runs = 0;
    const s = frameScheduler(() => runs++, c.clock);
    s.request();
    expect([...c.timers.values()][0]?.ms).toBe(HIDDEN_FALLBACK_MS);
    c.runTimers();
    expect(runs).toBe(1);
    c.runFrame();
    expect(runs).toBe(1);
  });

  it('cancel drops the pending render', () => {
    const c = fakeClock();
    let runs = 0;
    const s = frameScheduler(() => runs++, c.clock);
    s.request();
    s.cancel();
    c.runFrame();
    c.runTimers();
    expect(runs).toBe(0);
  });
});
