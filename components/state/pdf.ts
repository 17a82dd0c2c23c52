/**
 * Attaching PDFs: a file picked or dropped, or the PDF the tab beside the panel shows. Each becomes
 * a 'pdf' chip (its text, "[Page N]" before each page); the chip is then fitted to the context
 * budget like any text (components/state/attachments.ts). A PDF that cannot be read is said in
 * `error`, and nothing else changes.
 */
import { type ReadonlySignal, signal } from '@preact/signals';
import type { TextAttachment } from '../../lib/attachments/types';
import { runtimeOrigin } from '../../lib/origin/permissions';
import { isFetchable, pdfUrlOf } from '../../lib/pdf/source';
import { pdfTitle } from '../../lib/pdf/text';
import type { AttachmentsModel } from './attachments';

export interface PdfModel {
  /** What is being read ("Reading paper.pdf…"), null when nothing is. */
  readonly busy: ReadonlySignal<string | null>;
  readonly error: ReadonlySignal<string | null>;
  /** Reads the PDFs among `files` (others are left to other tools); false when there was none. */
  attachFiles(files: Iterable<File>): boolean;
  /** Reads the PDF shown in the active tab. Call from the click: it may ask for a permission. */
  readTab(): Promise<void>;
  dismiss(): void;
}

export interface PdfDeps {
  attachments: Pick<AttachmentsModel, 'add'>;
  read(bytes: ArrayBuffer, title: string, url?: string): Promise<TextAttachment>;
  /** The active tab's address, when the extension may see it. */
  activeTabUrl(): Promise<string | undefined>;
  /** Asks for host access (the browser shows its prompt); true when granted. */
  request(origins: string[]): Promise<boolean>;
  fetchBytes(url: string): Promise<ArrayBuffer>;
}

export const isPdfFile = (f: File) => f.type === 'application/pdf' || /\.pdf$/i.test(f.name);

/** Every http(s) site: asked for only when the tab's address cannot be seen, to learn it. */
const ALL_SITES = ['http://*/*', 'https://*/*'];

export function createPdfModel(deps: PdfDeps): PdfModel {
  const busy = signal<string | null>(null);
  const error = signal<string | null>(null);

  /** Reads one PDF; a failure is shown, the chips stay as they were. */
  async function attach(title: string, bytes: () => Promise<ArrayBuffer>, url?: string): Promise<void> {
    busy.value = `Reading ${title}…`;
    try {
      deps.attachments.add(await deps.read(await bytes(), title, url));
    } catch (e) {
      error.value = e instanceof Error ? e.message : String(e);
    } finally {
      busy.value = null;
    }
  }

  async function tabPdf(): Promise<string | null> {
    let url = await deps.activeTabUrl();
    if (!url) {
      if (!(await deps.request(ALL_SITES).catch(() => false))) {
        error.value = "The tab's address is hidden until you allow access to websites; or use Attach PDF.";
        return null;
      }
      url = await deps.activeTabUrl();
    }
    const pdf = pdfUrlOf(url);
    if (!pdf) {
      error.value = 'The tab beside the panel does not show a PDF (its address does not end in .pdf). Use Attach PDF for a file.';
      return null;
    }
    if (!isFetchable(pdf)) {
      error.value = 'Browsers do not let extensions read a local file from its tab; use Attach PDF and pick it.';
      return null;
    }
    const origin = runtimeOrigin(pdf);
    if (origin && !(await deps.request([origin]).catch(() => false))) {
      error.value = `Permission to read ${new URL(pdf).host} was not granted; or use Attach PDF.`;
      return null;
    }
    return pdf;
  }

  return {
    busy,
    error,
    attachFiles(files) {
      const pdfs = [...files].filter(isPdfFile);
      if (!pdfs.length) return false;
      error.value = null;
      void pdfs.reduce((prev, f) => prev.then(() => attach(f.name, () => f.arrayBuffer())), Promise.resolve());
      return true;
    },
    async readTab() {
      error.value = null;
      const pdf = await tabPdf();
      if (pdf) await attach(pdfTitle(pdf), () => deps.fetchBytes(pdf), pdf);
    },
    dismiss() {
      error.value = null;
    },
  };
}
