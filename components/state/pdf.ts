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
import { t } from '../../lib/i18n';

export interface PdfModel {
  /** What is being read ("Reading paper.pdf…"), null when nothing is. */
  readonly busy: ReadonlySignal<string | null>;
  readonly error: ReadonlySignal<string | null>;
  /** Reads the PDFs among `files` (others are left to other tools); false when there was none. */
  attachFiles(files: Iterable<File>): boolean;
  /** The PDF the tab beside the panel shows, as last seen; null: none, or its address is hidden. */
  readonly tabPdf: ReadonlySignal<string | null>;
  /** Notes the active tab's address ahead of a click (the tab was switched or loaded). */
  lookAtTab(): Promise<void>;
  /**
   * Reads the PDF shown in the active tab. Call it in the click: the permission it may need is
   * asked before anything else, as neither browser lets one be asked after an await.
   */
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
    busy.value = t('pdf_state_reading', title);
    try {
      deps.attachments.add(await deps.read(await bytes(), title, url));
    } catch (e) {
      error.value = e instanceof Error ? e.message : String(e);
    } finally {
      busy.value = null;
    }
  }

  // The active tab's address as last seen; undefined: hidden (no permission for its site) or not looked at.
  let seen: string | undefined;
  const tabPdf = signal<string | null>(null);
  const lookAtTab = async () => {
    seen = await deps.activeTabUrl().catch(() => undefined);
    tabPdf.value = pdfUrlOf(seen);
  };

  /** The host access to ask for in the click, from the address seen before it. */
  function wanted(): string[] {
    if (seen === undefined) return ALL_SITES;
    const pdf = pdfUrlOf(seen);
    const origin = pdf && isFetchable(pdf) ? runtimeOrigin(pdf) : null;
    return origin ? [origin] : [];
  }

  /** The tab's PDF address once access is settled, else null with `error` saying why. */
  async function pdfOfTab(asked: string[], granted: Promise<boolean>): Promise<string | null> {
    if (!(await granted)) {
      const host = asked[0]?.split('/')[2];
      error.value = asked === ALL_SITES ? t('pdf_state_address_hidden') : host ? t('pdf_state_permission', host) : t('pdf_state_permission_site');
      return null;
    }
    const before = seen;
    await lookAtTab();
    const pdf = pdfUrlOf(seen);
    if (!pdf) {
      error.value = t('pdf_state_not_pdf');
      return null;
    }
    if (!isFetchable(pdf)) {
      error.value = t('pdf_state_local_file');
      return null;
    }
    const origin = runtimeOrigin(pdf);
    if (origin && asked !== ALL_SITES && !asked.includes(origin) && seen !== before) {
      error.value = t('pdf_state_tab_changed');
      return null;
    }
    return pdf;
  }

  return {
    busy,
    error,
    tabPdf,
    attachFiles(files) {
      const pdfs = [...files].filter(isPdfFile);
      if (!pdfs.length) return false;
      error.value = null;
      void pdfs.reduce((prev, f) => prev.then(() => attach(f.name, () => f.arrayBuffer())), Promise.resolve());
      return true;
    },
    lookAtTab,
    readTab() {
      error.value = null;
      const asked = wanted();
      const granted = asked.length ? deps.request(asked).catch(() => false) : Promise.resolve(true);
      return pdfOfTab(asked, granted).then((pdf) => (pdf ? attach(pdfTitle(pdf), () => deps.fetchBytes(pdf), pdf) : undefined));
    },
    dismiss() {
      error.value = null;
    },
  };
}
