import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createWatchdog } from '../../../lib/chat/watchdog';

describe('watchdog', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('gives the first chunk the long allowance', () => {
    const fire = vi.fn();
    createWatchdog(1000, 100, fire);
    vi.advanceTimersByTime(999);
    expect(fire).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(fire).toHaveBeenCalledWith('first-token');
  });

  it('after the first chunk, fires on a quiet gap of stallMs', () => {
    const fire = vi.fn();
    const w = createWatchdog(1000, 100, fire);
    w.feed();
    for (let i = 0; i < 20; i++) {
      vi.advanceTimersByTime(60);
      w.feed();
    }
    expect(fire).not.toHaveBeenCalled();
    vi.advanceTimersByTime(100);
    expect(fire).toHaveBeenCalledTimes(1);
    expect(fire).toHaveBeenCalledWith('stall');
  });

  it('stop() silences it', () => {
    const fire = vi.fn();
    createWatchdog(10, 10, fire).stop();
    vi.advanceTimersByTime(1000);
    expect(fire).not.toHaveBeenCalled();
  });
});
