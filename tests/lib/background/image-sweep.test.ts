import { describe, expect, it } from 'vitest';
import { SWEEP_EVERY_MS, type SweepIO, sweepImages } from '../../../lib/background/image-sweep';
import type { StoredImage } from '../../../lib/storage/images';

const DAY = SWEEP_EVERY_MS;

function fakeIO(images: Record<string, StoredImage>, conversations: unknown[]) {
  const kept = new Map(Object.entries(images));
  let last = 0;
  const io: SweepIO = {
    readSweepTime: async () => last,
    writeSweepTime: async (at) => {
      last = at;
    },
    listImages: async () => new Map(kept),
    readAllConversations: async () => conversations,
    writeImages: async (m) => {
      for (const [k, v] of m) kept.set(k, v);
    },
    removeImages: async (refs) => {
      for (const r of refs) kept.delete(r);
    },
  };
  return { io, kept, conversations };
}

const used = (ref: string) => ({ id: 'c', messages: [{ role: 'user', attachments: [{ kind: 'image', ref }] }] });
const png = { mime: 'image/png', data: 'AAAA' };

describe('image sweep', () => {
  it('marks an unused image first and removes it only a day later (an undo still finds it)', async () => {
    const { io, kept } = fakeIO({ a: png, b: png }, [used('a')]);
    expect(await sweepImages(io, new Set(), 10 * DAY)).toBe(0);
    expect(kept.get('b')?.orphanSince).toBe(10 * DAY);
    expect(kept.get('a')?.orphanSince).toBeUndefined();
    expect(await sweepImages(io, new Set(), 11 * DAY)).toBe(1);
    expect([...kept.keys()]).toEqual(['a']);
  });

  it('runs at most once a day', async () => {
    const { io, kept } = fakeIO({ b: { ...png, orphanSince: 0 } }, []);
    await sweepImages(io, new Set(), 10 * DAY);
    kept.set('b', { ...png, orphanSince: 0 });
    expect(await sweepImages(io, new Set(), 10 * DAY + 1000)).toBe(0);
    expect(kept.has('b')).toBe(true);
  });

  it('clears the mark of an image used again, and never takes one stored since start', async () => {
    const { io, kept } = fakeIO({ a: { ...png, orphanSince: 0 }, fresh: { ...png, orphanSince: 0 } }, [used('a')]);
    await sweepImages(io, new Set(['fresh']), 10 * DAY);
    expect(kept.get('a')).toEqual(png);
    expect(kept.has('fresh')).toBe(true);
  });
});
