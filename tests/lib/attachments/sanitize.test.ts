import { describe, expect, it } from 'vitest';
import { isAttachmentList, readAttachments } from '../../../lib/attachments/sanitize';

const page = { kind: 'page', title: 'Llamas', url: 'https://example.test/llamas', text: '# Llamas\n\nThey hum.', note: 'Cut to fit.' };
const image = { kind: 'image', title: 'photo.jpg', mime: 'image/jpeg', width: 1568, height: 1045, data: 'AAAA' };

describe('readAttachments', () => {
  it('keeps well-formed text and image attachments, field by field', () => {
    expect(readAttachments([page, image, { ...image, data: undefined, ref: 'sha256-abc' }])).toEqual([
      page,
      image,
      { kind: 'image', title: 'photo.jpg', mime: 'image/jpeg', width: 1568, height: 1045, ref: 'sha256-abc' },
    ]);
  });

  it('drops damaged ones and unknown fields, keeping the rest', () => {
    const list = [
      { ...page, extra: 'x' },
      { kind: 'page', title: 'no text' },
      { kind: 'video', title: 'v', text: '' },
      { ...image, mime: 'image/svg+xml' },
      { ...image, width: 0 },
      { ...image, data: 'not base64!' },
      { ...image, data: undefined },
      null,
      'text',
    ];
    expect(readAttachments(list)).toEqual([page]);
  });

  it('gives null for nothing usable, so the field is left out', () => {
    expect(readAttachments(undefined)).toBeNull();
    expect(readAttachments([])).toBeNull();
    expect(readAttachments([{ kind: 'page' }])).toBeNull();
  });

  it('a Port message is taken whole or refused', () => {
    expect(isAttachmentList([page, image])).toBe(true);
    expect(isAttachmentList([page, { kind: 'page' }])).toBe(false);
    expect(isAttachmentList([])).toBe(false);
    expect(isAttachmentList('x')).toBe(false);
  });
});
