/**
 * A PDF's text as the model reads it: page by page, each page after a "[Page N]" line so the model
 * can cite pages and lib/attachments/budget.ts can cut at page boundaries. Pure: pdf.js is only
 * asked for the pieces (lib/pdf/read.ts).
 */

/** One piece of a page's text as pdf.js gives it: a run of characters, maybe ending a line. */
export interface TextPiece {
  str: string;
  hasEOL?: boolean;
}

/** A page's pieces as lines: runs joined, a line break where pdf.js saw one, blank runs collapsed. */
export function pageText(pieces: readonly TextPiece[]): string {
  const text = pieces.map((p) => p.str + (p.hasEOL ? '\n' : '')).join('');
  return text
    .split('\n')
    .map((line) => line.replace(/[ \t\u00a0]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** The pages, numbered from 1, each after its marker; pages without text keep their number. */
export function joinPages(pages: readonly string[]): string {
  return pages.map((text, i) => `[Page ${i + 1}]\n${text}`.trimEnd()).join('\n\n');
}

/** A PDF's name for the chip: the file name, else the last part of its address, decoded. */
export function pdfTitle(nameOrUrl: string): string {
  let name = nameOrUrl;
  try {
    const u = new URL(nameOrUrl);
    name = decodeURIComponent(u.pathname.split('/').filter(Boolean).at(-1) ?? u.host);
  } catch {
    // Not an address: a file name already.
  }
  return name || 'PDF';
}
