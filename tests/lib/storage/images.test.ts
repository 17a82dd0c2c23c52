import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach, describe, expect, it } from 'vitest';
import { listImages, readImage, readImages, readSweepTime, removeImages, writeImages, writeSweepTime } from '../../../lib/storage/images';

describe('image storage', () => {
  beforeEach(() => fakeBrowser.reset());

  it('keeps each image under its own key, apart from conversations', async () => {
    await writeImages(new Map([['abc', { mime: 'image/jpeg', data: 'AAAA' }]]));
    expect(await fakeBrowser.storage.local.get(null)).toEqual({ 'ollama_chat_image:abc': { mime: 'image/jpeg', data: 'AAAA' } });
    expect(await readImage('abc')).toEqual({ mime: 'image/jpeg', data: 'AAAA' });
    expect(await readImage('nope')).toBeNull();
  });

  it('reads several at once, lists them, removes them; damaged values are not images', async () => {
    await writeImages(
      new Map([
        ['a', { mime: 'image/png', data: 'AAAA' }],
        ['b', { mime: 'image/png', data: 'BBBB', orphanSince: 5 }],
      ]),
    );
    await fakeBrowser.storage.local.set({ 'ollama_chat_image:bad': 'x', other: 1 });
    expect([...(await readImages(['a', 'bad', 'zzz'])).keys()]).toEqual(['a']);
    expect([...(await listImages()).entries()]).toEqual([
      ['a', { mime: 'image/png', data: 'AAAA' }],
      ['b', { mime: 'image/png', data: 'BBBB', orphanSince: 5 }],
    ]);
    await removeImages(['a']);
    expect([...(await listImages()).keys()]).toEqual(['b']);
  });

  it('remembers when the last sweep ran (0: never)', async () => {
    expect(await readSweepTime()).toBe(0);
    await writeSweepTime(1234);
    expect(await readSweepTime()).toBe(1234);
  });
});
