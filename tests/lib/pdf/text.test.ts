// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { isFetchable, pdfUrlOf } from '../../../lib/pdf/source';
import { joinPages, pageText, pdfTitle } from '../../../lib/pdf/text';

describe('PDF text', () => {
  it("joins a page's runs into lines where pdf.js saw line ends, spaces collapsed", () => {
    expect(
      pageText([
        { str: 'Llamas  of', hasEOL: false },
        { str: ' the\u00a0Andes', hasEOL: true },
        { str: '', hasEOL: true },
        { str: '', hasEOL: true },
        { str: 'hum ' },
      ]),
    ).toBe('Llamas of the Andes\n\nhum');
  });

  it('numbers pages from 1, keeping empty pages', () => {
    expect(joinPages(['a', '', 'c'])).toBe('[Page 1]\na\n\n[Page 2]\n\n[Page 3]\nc');
  });

  it('names a PDF by its file name', () => {
    expect(pdfTitle('https://example.com/papers/My%20Paper.pdf?x=1')).toBe('My Paper.pdf');
    expect(pdfTitle('notes.pdf')).toBe('notes.pdf');
  });
});

describe('a tab showing a PDF', () => {
  it('is known by its address, or the file a viewer page names', () => {
    expect(pdfUrlOf('https://example.com/a/paper.PDF#page=3')).toBe('https://example.com/a/paper.PDF#page=3');
    expect(pdfUrlOf('file:///home/me/paper.pdf')).toBe('file:///home/me/paper.pdf');
    expect(pdfUrlOf('chrome-extension://mhjfbmdgcfjbbpaeojofohoefgiehjai/index.html?src=https%3A%2F%2Fexample.com%2Fp.pdf')).toBe('https://example.com/p.pdf');
    expect(pdfUrlOf('resource://pdf.js/web/viewer.html?file=https%3A%2F%2Fexample.com%2Fp.pdf')).toBe('https://example.com/p.pdf');
    for (const not of ['https://example.com/', 'https://example.com/pdf', 'about:blank', 'not a url', undefined]) expect(pdfUrlOf(not)).toBeNull();
  });

  it('can be fetched over http(s) only', () => {
    expect(isFetchable('https://example.com/p.pdf')).toBe(true);
    expect(isFetchable('file:///p.pdf')).toBe(false);
  });
});
