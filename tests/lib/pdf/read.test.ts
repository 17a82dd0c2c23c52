// @vitest-environment node
import { readFileSync } from 'node:fs';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PdfError, readPdf } from '../../../lib/pdf/read';
import { makePdf } from '../../fixtures/make-pdf.mjs';
import { installI18n } from '../../support/i18n';

// Node 20 (this repo's CI) lacks Promise.withResolvers, which pdf.js uses; both browsers have it.
if (!('withResolvers' in Promise)) {
  Object.assign(Promise, {
    withResolvers<T>() {
      let resolve!: (v: T) => void;
      let reject!: (e: unknown) => void;
      const promise = new Promise<T>((res, rej) => {
        resolve = res;
        reject = rej;
      });
      return { promise, resolve, reject };
    },
  });
}

// The bundle's worker URL, as a file Node can import (pdf.js runs it in-thread here: no Worker in Node).
vi.mock('pdfjs-dist/build/pdf.worker.min.mjs?url', () => ({
  default: new URL('../../../node_modules/pdfjs-dist/build/pdf.worker.min.mjs', import.meta.url).href,
}));

const fixture = () => {
  const b = readFileSync(new URL('../../fixtures/llamas.pdf', import.meta.url));
  return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength);
};

describe('readPdf', () => {
  it('reads every page, each after its [Page N] marker', async () => {
    const a = await readPdf(fixture(), 'llamas.pdf', 'http://127.0.0.1/llamas.pdf');
    expect(a).toEqual({
      kind: 'pdf',
      title: 'llamas.pdf',
      url: 'http://127.0.0.1/llamas.pdf',
      text: [
        '[Page 1]\nLlamas of the Andes\nPage one says llamas hum.',
        '[Page 2]\nAlpacas are smaller\nPage two says alpacas are shorn.',
        '[Page 3]\nGuanacos live wild\nPage three says guanacos run.',
      ].join('\n\n'),
    });
  });

  it('says clearly when the file is not a readable PDF', async () => {
    // pdf.js takes the bytes over (the buffer is transferred to its worker): fresh ones each time.
    const junk = () => new TextEncoder().encode('not a pdf at all').buffer as ArrayBuffer;
    await expect(readPdf(junk(), 'junk.pdf')).rejects.toThrow(PdfError);
    await expect(readPdf(junk(), 'junk.pdf')).rejects.toThrow('"junk.pdf" is not a PDF that can be read (damaged or not a PDF).');
  });

  it('says a password-protected PDF cannot be read, and what to do', async () => {
    const b = makePdf([['secret']], { password: 'llama' });
    const bytes = b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;
    await expect(readPdf(bytes, 'locked.pdf')).rejects.toThrow('"locked.pdf" is protected by a password; open it, save an unprotected copy, and attach that.');
  });

  it('says so when the pages have no text (a scan)', async () => {
    const b = makePdf([[], []]);
    const bytes = b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;
    await expect(readPdf(bytes, 'scan.pdf')).rejects.toThrow('"scan.pdf" has no text to read (a scanned document? Its pages are pictures).');
  });

  it('refuses a file over the size limit before reading it', async () => {
    await expect(readPdf(new ArrayBuffer(51 * 1024 * 1024), 'huge.pdf')).rejects.toThrow('"huge.pdf" is 51 MB; PDFs up to 50 MB can be attached.');
  });
});

describe('readPdf in French', () => {
  afterEach(() => installI18n(fakeBrowser));

  it("says why in the catalog's words, sizes in French units", async () => {
    installI18n(fakeBrowser, 'fr');
    const error = await readPdf(new ArrayBuffer(51 * 1024 * 1024), 'huge.pdf').catch((e: Error) => e);
    // French puts (narrow) no-break spaces before ; and » and between number and unit.
    expect(error).toBeInstanceOf(PdfError);
    expect((error as Error).message.replace(/[\u00a0\u202f]/g, ' ')).toBe('« huge.pdf » fait 51 Mo ; les PDF de 50 Mo au maximum peuvent être joints.');
  });
});
