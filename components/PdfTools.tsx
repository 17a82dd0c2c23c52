/**
 * "Attach PDF" (a file picker), "Read PDF tab" (the PDF the tab beside the panel shows), and PDFs
 * dropped on the composer. Non-PDF files dropped are left alone for the other tools.
 */
import { useEffect, useMemo, useRef } from 'preact/hooks';
import { t } from '../lib/i18n';
import { pdfTitle } from '../lib/pdf/text';
import type { AttachmentsModel } from './state/attachments';
import { createPdfModel } from './state/pdf';
import { browserPdfDeps, watchActiveTab } from './state/pdf-browser';

const hasFiles = (e: DragEvent) => e.dataTransfer?.types.includes('Files') ?? false;

/** Says which PDF a click reads, when the tab's address can be seen. */
const tabTitle = (url: string | null) => (url ? t('pdf_tools_read_named', pdfTitle(url)) : t('pdf_tools_read_unnamed'));

export function PdfTools({ attachments }: { attachments: AttachmentsModel }) {
  const pdf = useMemo(() => createPdfModel(browserPdfDeps(attachments)), [attachments]);
  const input = useRef<HTMLInputElement>(null);
  const root = useRef<HTMLSpanElement>(null);
  // The drop target is the whole composer, which the tools row sits in.
  useEffect(() => {
    const form = root.current?.closest('form');
    if (!form) return;
    const over = (e: DragEvent) => {
      if (hasFiles(e)) e.preventDefault();
    };
    const drop = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      // A file dropped and not taken would replace the panel with it.
      e.preventDefault();
      pdf.attachFiles(e.dataTransfer?.files ?? []);
    };
    form.addEventListener('dragover', over);
    form.addEventListener('drop', drop);
    return () => {
      form.removeEventListener('dragover', over);
      form.removeEventListener('drop', drop);
    };
  }, [pdf]);
  // What the tab shows is known before a click, which must ask for any permission at once.
  useEffect(() => {
    const look = () => void pdf.lookAtTab();
    look();
    return watchActiveTab(look);
  }, [pdf]);
  const busy = pdf.busy.value;
  const error = pdf.error.value;
  return (
    <span class="pdf-tools" ref={root}>
      <button type="button" class="link-button" onClick={() => input.current?.click()} disabled={busy !== null}>
        {t('pdf_tools_attach')}
      </button>
      <input
        ref={input}
        type="file"
        accept="application/pdf,.pdf"
        multiple
        hidden
        aria-label={t('pdf_tools_files')}
        onChange={(e) => {
          pdf.attachFiles(e.currentTarget.files ?? []);
          e.currentTarget.value = '';
        }}
      />
      <button type="button" class="link-button" onClick={() => void pdf.readTab()} disabled={busy !== null} title={tabTitle(pdf.tabPdf.value)}>
        {t('pdf_tools_read_tab')}
      </button>
      <span class="pdf-busy" aria-live="polite">
        {busy}
      </span>
      {error && (
        <span class="pdf-error" aria-live="assertive">
          {error}{' '}
          <button type="button" class="link-button" onClick={() => pdf.dismiss()}>
            {t('pdf_tools_dismiss')}
          </button>
        </span>
      )}
    </span>
  );
}
