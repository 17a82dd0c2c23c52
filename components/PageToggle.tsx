import './page.css';
import { useEffect, useMemo } from 'preact/hooks';
import { t } from '../lib/i18n';
import { browserPageTabs, type PageTabs } from '../lib/page/tabs';
import type { AttachmentsModel } from './state/attachments';
import { createPageContext } from './state/page-context';

/**
 * "Chat with this page": a toggle that attaches the active tab's content and follows the tab
 * (components/state/page-context.ts). What it cannot attach, it says next to the button.
 */
export function PageToggle({ attachments, tabs }: { attachments: AttachmentsModel; tabs?: PageTabs }) {
  const page = useMemo(() => createPageContext(attachments, tabs ?? browserPageTabs()), [attachments, tabs]);
  useEffect(() => () => page.dispose(), [page]);
  const notice = page.notice.value;
  return (
    <>
      <button type="button" class="tool-button" aria-pressed={page.following.value} aria-busy={page.busy.value} onClick={() => page.toggle()}>
        {t('page_toggle_button')}
      </button>
      {/* Polite: a tab switch is announced without taking the user's focus or place. */}
      <p class="page-notice" aria-live="polite">
        {notice}
        {page.accessRefused.value && ` ${t('page_toggle_access_refused')}`}
      </p>
    </>
  );
}
