import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { t } from '../lib/i18n';

/**
 * A user message opened for editing, in place: Send starts a new branch from it, Cancel (or Esc)
 * leaves everything as it was. Ctrl/⌘+Enter sends too; Enter alone is a new line, as it may be
 * text the user is still shaping.
 */
export function EditBox({ initial, onSend, onCancel }: { initial: string; onSend(text: string): boolean; onCancel(): void }) {
  const [text, setText] = useState(initial);
  const box = useRef<HTMLTextAreaElement>(null);
  // Before the browser paints, so nothing typed in between lands elsewhere.
  useLayoutEffect(() => {
    const el = box.current;
    el?.focus();
    el?.setSelectionRange(el.value.length, el.value.length);
  }, []);
  const send = () => text.trim() !== '' && onSend(text.trim());
  return (
    <div class="edit-box">
      <textarea
        ref={box}
        aria-label={t('edit_box_label')}
        rows={3}
        value={text}
        onInput={(e) => setText(e.currentTarget.value)}
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.preventDefault();
            e.stopPropagation();
            onCancel();
          } else if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
            e.preventDefault();
            send();
          }
        }}
      />
      <div class="edit-actions">
        <button type="button" class="button button-secondary" onClick={onCancel}>
          {t('edit_box_cancel')}
        </button>
        <button type="button" class="button button-send" disabled={text.trim() === ''} onClick={send}>
          {t('edit_box_send')}
        </button>
      </div>
    </div>
  );
}
