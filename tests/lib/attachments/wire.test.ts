import { describe, expect, it } from 'vitest';
import type { Attachment } from '../../../lib/attachments/types';
import { wireContent, wireImages } from '../../../lib/attachments/wire';

const selection: Attachment = { kind: 'selection', title: 'Llamas', url: 'https://example.test/l', text: 'They hum.\nSoftly.' };
const page: Attachment = { kind: 'page', title: 'Llamas', url: 'https://example.test/l', text: '# Llamas\n\nThey hum.' };
const pdf: Attachment = { kind: 'pdf', title: 'paper.pdf', text: '[Page 1]\nAbstract' };
const image: Attachment = { kind: 'image', title: 'a.png', mime: 'image/png', width: 2, height: 2, data: 'AAAA' };

describe('wireContent', () => {
  it('is the typed text alone when nothing is attached', () => {
    expect(wireContent('Hi', undefined)).toBe('Hi');
    expect(wireContent('Hi', [image])).toBe('Hi');
  });

  it('puts each text attachment before the question, with its source', () => {
    expect(wireContent('Why?', [selection])).toBe('From "Llamas" (https://example.test/l):\n> They hum.\n> Softly.\n\nWhy?');
    expect(wireContent('Sum up', [page, pdf])).toBe(
      '<<< Web page: "Llamas" (https://example.test/l)\n# Llamas\n\nThey hum.\n>>> End of web page\n\n<<< PDF: "paper.pdf"\n[Page 1]\nAbstract\n>>> End of pdf\n\nSum up',
    );
  });

  it('sends the attachments alone when nothing was typed', () => {
    expect(wireContent('', [pdf])).toBe('<<< PDF: "paper.pdf"\n[Page 1]\nAbstract\n>>> End of pdf');
  });
});

describe('wireImages', () => {
  it('lists the base64 bytes of the images at hand, in order', () => {
    expect(wireImages([page, image, { ...image, data: 'BBBB' }])).toEqual(['AAAA', 'BBBB']);
    expect(wireImages(undefined)).toEqual([]);
  });
});
