import { ImageTools } from './ImageTools';
import type { AttachmentsModel } from './state/attachments';
import type { ImagesModel } from './state/images';

/**
 * The row of ways to attach something, above the message box: the page, a PDF, an image, a
 * screenshot (issue 13). Each tool only adds chips to `attachments`; sending is the composer's.
 */
export function ComposerTools({ images }: { attachments: AttachmentsModel; images: ImagesModel }) {
  return (
    <div class="composer-tools">
      <ImageTools images={images} />
    </div>
  );
}
