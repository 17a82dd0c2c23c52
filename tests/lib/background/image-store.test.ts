import { describe, expect, it } from 'vitest';
import type { ImageAttachment } from '../../../lib/attachments/types';
import { createImageStore, KNOWN_IMAGES } from '../../../lib/background/image-store';
import type { HistoryMessage } from '../../../lib/conversations/contract';
import { imagesIn } from '../../../lib/images/refs';
import type { StoredImage } from '../../../lib/storage/images';

function fakeIO() {
  const kept = new Map<string, StoredImage>();
  let writes = 0;
  return {
    kept,
    writes: () => writes,
    readImages: async (refs: readonly string[]) => new Map(refs.flatMap((r) => (kept.has(r) ? [[r, kept.get(r) as StoredImage] as const] : []))),
    writeImages: async (images: ReadonlyMap<string, StoredImage>) => {
      if (images.size) writes++;
      for (const [k, v] of images) kept.set(k, v);
    },
  };
}

const img = (data: string): ImageAttachment => ({ kind: 'image', title: 'p.jpg', mime: 'image/jpeg', width: 2, height: 1, data });
const question = (...images: ImageAttachment[]): HistoryMessage => ({
  role: 'user',
  content: 'what is it?',
  timestamp: '2026-01-01T00:00:00.000Z',
  attachments: images,
});

describe('image store', () => {
  it('stores the bytes once per content and leaves only refs in the messages', async () => {
    const io = fakeIO();
    const store = createImageStore(io);
    const stashed = await store.stash([question(img('AAAA'), img('AAAA'), img('BBBB'))]);
    const refs = imagesIn(stashed).map((a) => a.ref);
    expect(imagesIn(stashed).every((a) => a.data === undefined && a.ref)).toBe(true);
    expect(refs[0]).toBe(refs[1]);
    expect(refs[2]).not.toBe(refs[0]);
    expect(io.kept.size).toBe(2);
    expect([...store.fresh()].sort()).toEqual([...io.kept.keys()].sort());
  });

  it('does not write an image again when the same question is saved again (checkpoints)', async () => {
    const io = fakeIO();
    const store = createImageStore(io);
    const history = [question(img('AAAA'))];
    await store.stash(history);
    await store.stash(history);
    await store.stash(history);
    expect(io.writes()).toBe(1);
  });

  it('remembers only the last images it saw: an old one is hashed again, never lost, and all refs stay right', async () => {
    const io = fakeIO();
    const store = createImageStore(io);
    const many = Array.from({ length: KNOWN_IMAGES + 1 }, (_, i) => img(btoa(`image-${i}`.padEnd(12, '.'))));
    const first = await store.stash([question(...many)]);
    expect(io.writes()).toBe(1);
    // The newest are still known: saving them again writes nothing.
    await store.stash([question(...many.slice(1))]);
    expect(io.writes()).toBe(1);
    // The oldest was forgotten: it is hashed and written again, under the same ref.
    const again = await store.stash([question(many[0] as ImageAttachment)]);
    expect(io.writes()).toBe(2);
    expect(imagesIn(again)[0]?.ref).toBe(imagesIn(first)[0]?.ref);
  });

  it('fills the bytes back for Ollama, and leaves an image whose bytes are gone without', async () => {
    const io = fakeIO();
    const store = createImageStore(io);
    const stashed = await store.stash([question(img('AAAA'))]);
    const gone: ImageAttachment = { kind: 'image', title: 'gone.png', mime: 'image/png', width: 1, height: 1, ref: 'missing' };
    const filled = await store.fill([...stashed, question(gone)]);
    expect(imagesIn(filled).map((a) => a.data)).toEqual(['AAAA', undefined]);
  });

  it('a failed read fills nothing rather than failing the question', async () => {
    const store = createImageStore({ readImages: () => Promise.reject(new Error('io')), writeImages: async () => {} });
    const ref: ImageAttachment = { kind: 'image', title: 'x', mime: 'image/png', width: 1, height: 1, ref: 'r' };
    expect(imagesIn(await store.fill([question(ref)]))[0]?.data).toBeUndefined();
  });
});
