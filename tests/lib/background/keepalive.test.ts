// @vitest-environment node
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createKeepAlive, KEEPALIVE_INTERVAL_MS } from '../../../lib/background/keepalive';

afterEach(() => {
  vi.useRealTimers();
});

describe('keep-alive', () => {
  it('pings well inside the browsers’ 30 s idle limit while held, and not at all otherwise', async () => {
    vi.useFakeTimers();
    const ping = vi.fn(async () => ({}));
    const k = createKeepAlive({ ping });
    expect(KEEPALIVE_INTERVAL_MS).toBeLessThan(30_000);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(ping).not.toHaveBeenCalled();

    const release = k.hold('reply r1');
    await vi.advanceTimersByTimeAsync(45_000); // a model load
    expect(ping).toHaveBeenCalledTimes(2);
    expect(k.reasons()).toEqual(['reply r1']);

    release();
    expect(k.reasons()).toEqual([]);
    await vi.advanceTimersByTimeAsync(120_000);
    expect(ping).toHaveBeenCalledTimes(2);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('runs one timer for many holders and stops only when the last lets go', async () => {
    vi.useFakeTimers();
    const ping = vi.fn(async () => ({}));
    const k = createKeepAlive({ ping, intervalMs: 1000 });
    const a = k.hold('reply a');
    const b = k.hold('pull b');
    expect(vi.getTimerCount()).toBe(1);
    a();
    a(); // releasing twice changes nothing
    await vi.advanceTimersByTimeAsync(3000);
    expect(ping).toHaveBeenCalledTimes(3);
    expect(k.reasons()).toEqual(['pull b']);
    b();
    expect(vi.getTimerCount()).toBe(0);
  });

  it('a failing ping does not stop the heartbeat', async () => {
    vi.useFakeTimers();
    const ping = vi.fn(async () => {
      throw new Error('context invalidated');
    });
    const k = createKeepAlive({ ping, intervalMs: 1000 });
    const release = k.hold('reply');
    await vi.advanceTimersByTimeAsync(3000);
    expect(ping).toHaveBeenCalledTimes(3);
    release();
  });
});
