import { describe, expect, it } from 'vitest';
import { oneAtATime } from '../../../lib/background/latest-run';

const tick = () => new Promise<void>((r) => setTimeout(r, 0));

describe('oneAtATime', () => {
  it('runs one job at a time, and the last one queued applies the newest state', async () => {
    let stored = 'old';
    let applied = '';
    let running = 0;
    let overlapped = false;
    let runs = 0;
    // Storage reads the value when asked and answers later; the start-up read answers slowest.
    const sync = oneAtATime(async () => {
      running++;
      overlapped ||= running > 1;
      const seen = stored;
      for (let i = runs++ === 0 ? 5 : 0; i > 0; i--) await tick();
      applied = seen;
      running--;
    });
    const startUp = sync();
    // A settings write lands while the start-up run is still reading.
    stored = 'new';
    const change = sync();
    await Promise.all([startUp, change]);
    expect(applied).toBe('new');
    expect(overlapped).toBe(false);
  });

  it('goes on after a failed run', async () => {
    let runs = 0;
    const sync = oneAtATime(async () => {
      runs++;
      if (runs === 1) throw new Error('DNR refused');
    });
    await expect(sync()).rejects.toThrow('DNR refused');
    await sync();
    expect(runs).toBe(2);
  });
});
