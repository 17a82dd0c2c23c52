import { describe, expect, it } from 'vitest';
import type { ImageAttachment } from '../../../lib/attachments/types';
import type { HistoryMessage } from '../../../lib/conversations/contract';
import { imageRef, imagesIn, mapImages, refsInRaw } from '../../../lib/images/refs';

const img = (title: string): ImageAttachment => ({ kind: 'image', title, mime: 'image/jpeg', width: 2, height: 1, data: 'AAAA' });
const at = '2026-01-01T00:00:00.000Z';
const messages: HistoryMessage[] = [
  { role: 'user', content: 'a', timestamp: at, attachments: [{ kind: 'page', title: 'p', text: 't' }, img('one')] },
  { role: 'assistant', content: 'b', timestamp: at },
  {
    role: 'user',
    content: 'c',
    timestamp: at,
    versions: [
      { content: 'old', timestamp: at, attachments: [img('two')], rest: [{ role: 'user', content: 'd', timestamp: at, attachments: [img('three')] }] },
    ],
  },
];

describe('image refs', () => {
  it('finds images in attachments, versions and their rest', () => {
    expect(imagesIn(messages).map((a) => a.title)).toEqual(['one', 'two', 'three']);
  });

  it('maps every image and keeps messages without one as they were', () => {
    const out = mapImages(messages, ({ data: _d, ...a }) => ({ ...a, ref: a.title }));
    expect(out[1]).toBe(messages[1]);
    expect(imagesIn(out).map((a) => [a.ref, a.data])).toEqual([
      ['one', undefined],
      ['two', undefined],
      ['three', undefined],
    ]);
    expect(out[0]?.attachments?.[0]).toEqual({ kind: 'page', title: 'p', text: 't' });
    expect(imagesIn(messages).every((a) => a.data === 'AAAA')).toBe(true);
  });

  it('reads refs from damaged raw data without throwing', () => {
    const raw = [
      null,
      'x',
      {
        messages: [
          {
            attachments: [
              { kind: 'image', ref: 'r1' },
              { kind: 'image', ref: 5 },
            ],
          },
        ],
      },
      { deep: { kind: 'image', ref: 'r2' } },
    ];
    expect([...refsInRaw(raw)].sort()).toEqual(['r1', 'r2']);
  });

  it('names an image by the SHA-256 of its text', async () => {
    expect(await imageRef('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
});
