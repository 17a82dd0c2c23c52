import { describe, expect, it } from 'vitest';
import { embedStoredImages } from '../../../lib/images/embed';
import type { StoredImage } from '../../../lib/storage/images';

const read = async (refs: readonly string[]) =>
  new Map(refs.flatMap((r) => (r === 'r1' ? [[r, { mime: 'image/png', data: 'AAAA' } as StoredImage] as const] : [])));

describe('embedStoredImages', () => {
  it('puts each stored image’s bytes beside its ref; a missing one stays as it is', async () => {
    const conv = {
      id: 'c',
      messages: [
        {
          role: 'user',
          content: 'x',
          attachments: [
            { kind: 'image', ref: 'r1' },
            { kind: 'image', ref: 'gone' },
            { kind: 'page', text: 't' },
          ],
        },
      ],
    };
    const [out] = await embedStoredImages([conv], read);
    expect(out?.messages[0]?.attachments).toEqual([
      { kind: 'image', ref: 'r1', data: 'AAAA' },
      { kind: 'image', ref: 'gone' },
      { kind: 'page', text: 't' },
    ]);
    expect(conv.messages[0]?.attachments[0]).toEqual({ kind: 'image', ref: 'r1' });
  });

  it('reads nothing when no conversation has an image', async () => {
    const list = [{ id: 'c', messages: [] }];
    expect(await embedStoredImages(list, () => Promise.reject(new Error('not called')))).toEqual(list);
  });
});
