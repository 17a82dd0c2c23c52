import { PageToggle } from './PageToggle';
import type { AttachmentsModel } from './state/attachments';

/**
 * The row of ways to attach something, above the message box: the page, a PDF, an image, a
 * screenshot (issue 13). Each tool only adds chips to `attachments`; sending is the composer's.
 */
export function ComposerTools({ attachments }: { attachments: AttachmentsModel }) {
  return (
    <div class="composer-tools">
      <PageToggle attachments={attachments} />
    </div>
  );
}
