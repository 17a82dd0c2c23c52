import { ImageTools } from './ImageTools';
import { lazyView } from './LazyView';
import { PageToggle } from './PageToggle';
import type { AttachmentsModel } from './state/attachments';
import type { ImagesModel } from './state/images';

// Each tool loads after the first paint: none is needed to show the panel (bench row 6).
const PdfTools = lazyView(() => import('./PdfTools').then((m) => m.PdfTools), 'The PDF tools');

/**
 * The row of ways to attach something, above the message box: the page, a PDF, an image, a
 * screenshot (issue 13). Each tool only adds chips to `attachments`; sending is the composer's.
 */
export function ComposerTools({ attachments, images }: { attachments: AttachmentsModel; images: ImagesModel }) {
  return (
    <div class="composer-tools">
      <PageToggle attachments={attachments} />
      <ImageTools images={images} />
      <PdfTools attachments={attachments} />
    </div>
  );
}
