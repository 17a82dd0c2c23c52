import { describe, expect, it } from 'vitest';
import { createPullTracker, formatBytes, formatEta, percent, SPEED_WINDOW_MS } from '../../lib/pull-progress';

const layer = (digest: string, total: number, completed: number) => ({ status: `pulling ${digest}`, digest, total, completed });

describe('pull progress', () => {
  it('keeps bytes per layer and sums them overall', () => {
    const t = createPullTracker('m');
    expect(t.add({ status: 'pulling manifest' }, 0)).toMatchObject({ name: 'm', status: 'pulling manifest', layers: [], completed: 0, total: 0 });
    t.add(layer('a', 1000, 0), 0);
    t.add(layer('a', 1000, 400), 100);
    const p = t.add(layer('b', 10, 10), 100);
    expect(p.layers).toEqual([
      { digest: 'a', total: 1000, completed: 400 },
      { digest: 'b', total: 10, completed: 10 },
    ]);
    expect(p.completed).toBe(410);
    expect(p.total).toBe(1010);
    expect(p.status).toBe('pulling b');
  });

  it('speed is bytes over time between samples, ETA the rest at that speed', () => {
    const t = createPullTracker('m');
    expect(t.add(layer('a', 10_000, 0), 1000).bytesPerSecond).toBeUndefined();
    const p = t.add(layer('a', 10_000, 2000), 2000);
    expect(p.bytesPerSecond).toBe(2000);
    expect(p.etaSeconds).toBe(4);
  });

  it('a resumed layer’s bytes already there are not counted as speed', () => {
    const t = createPullTracker('m');
    t.add(layer('a', 10_000, 0), 0);
    t.add(layer('a', 10_000, 1000), 1000);
    // A second layer appears with 5000 bytes it had from a cancelled pull.
    const p = t.add(layer('b', 10_000, 5000), 1000);
    expect(p.bytesPerSecond).toBe(1000);
    expect(t.add(layer('b', 10_000, 6000), 2000).bytesPerSecond).toBe(1000);
  });

  it('speed follows the last few seconds only', () => {
    const t = createPullTracker('m');
    t.add(layer('a', 1e9, 0), 0);
    t.add(layer('a', 1e9, 1e8), 1000); // fast at first
    let p = t.add(layer('a', 1e9, 1e8), 1000 + SPEED_WINDOW_MS);
    p = t.add(layer('a', 1e9, 1e8 + 1000), 2000 + SPEED_WINDOW_MS);
    expect(p.bytesPerSecond).toBe(1000);
  });

  it('no speed: no ETA; completed never above total', () => {
    const t = createPullTracker('m');
    t.add(layer('a', 100, 50), 0);
    const p = t.add(layer('a', 100, 50), 1000);
    expect(p.bytesPerSecond).toBe(0);
    expect(p.etaSeconds).toBeUndefined();
    expect(t.add(layer('a', 100, 500), 2000).completed).toBe(100);
  });

  it('formats sizes, percent and time left', () => {
    expect(formatBytes(0)).toBe('0 B');
    expect(formatBytes(1_321_082_688)).toBe('1.3 GB');
    expect(formatBytes(512_000)).toBe('512 KB');
    expect(percent(1, 3)).toBe(33);
    expect(percent(0, 0)).toBe(0);
    expect(percent(999, 1000)).toBe(99);
    expect(formatEta(12.2)).toBe('13s');
    expect(formatEta(65)).toBe('1m 05s');
    expect(formatEta(7260)).toBe('2h 01m');
  });
});
