/**
 * Reads a PDF's text with pdf.js, loaded on first use (it is about 100 KB gzipped plus its worker,
 * far more than the rest of the panel): never part of the first load (bench row "pdf").
 * Its worker is a bundled file of the extension; eval stays off, as both browsers' extension CSP
 * forbids it.
 */
import type { TextAttachment } from '../attachments/types';
import { t } from '../i18n';
import { megabytes } from '../megabytes';
import { joinPages, pageText, type TextPiece } from './text';

/** Bigger files are refused before reading: the text would not fit any model's context anyway. */
export const MAX_PDF_BYTES = 50 * 1024 * 1024;
/** Reading stops after this much text (≈ 1M tokens, more than any context); the pages read are kept. */
const MAX_CHARS = 4_000_000;

/** A PDF that cannot be read, with what to tell the user. */
export class PdfError extends Error {
  override name = 'PdfError';
}

type PdfJs = typeof import('pdfjs-dist');
let loading: Promise<PdfJs> | null = null;

/** pdf.js and its worker, once; a failed load is tried again next time. */
function loadPdfJs(): Promise<PdfJs> {
  loading ??= Promise.all([import('pdfjs-dist'), import('pdfjs-dist/build/pdf.worker.min.mjs?url')])
    .then(([pdfjs, worker]) => {
      pdfjs.GlobalWorkerOptions.workerSrc = worker.default;
      return pdfjs;
    })
    .catch((e: unknown) => {
      loading = null;
      throw e;
    });
  return loading;
}

function explain(e: unknown, title: string): PdfError {
  const name = e instanceof Error ? e.name : '';
  if (name === 'PasswordException') return new PdfError(t('pdf_password', title));
  if (name === 'InvalidPDFException') return new PdfError(t('pdf_invalid', title));
  return new PdfError(t('pdf_failed', title, e instanceof Error ? e.message : String(e)));
}

/** The PDF in `bytes` as a text attachment, "[Page N]" before each page's text. */
export async function readPdf(bytes: ArrayBuffer, title: string, url?: string): Promise<TextAttachment> {
  if (bytes.byteLength > MAX_PDF_BYTES) {
    throw new PdfError(t('pdf_too_big', title, megabytes(bytes.byteLength / 1048576), megabytes(MAX_PDF_BYTES / 1048576)));
  }
  const pdfjs = await loadPdfJs();
  const task = pdfjs.getDocument({
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    useSystemFonts: false,
    stopAtErrors: false,
    verbosity: pdfjs.VerbosityLevel.ERRORS,
  });
  try {
    const doc = await task.promise.catch((e: unknown) => {
      throw explain(e, title);
    });
    const pages: string[] = [];
    let chars = 0;
    for (let n = 1; n <= doc.numPages && chars < MAX_CHARS; n++) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      const text = pageText(content.items.flatMap((i): TextPiece[] => ('str' in i ? [i] : [])));
      pages.push(text);
      chars += text.length;
      page.cleanup();
    }
    if (!pages.some(Boolean)) throw new PdfError(t('pdf_no_text', title));
    return { kind: 'pdf', title, ...(url ? { url } : {}), text: joinPages(pages) };
  } finally {
    void task.destroy();
  }
}
