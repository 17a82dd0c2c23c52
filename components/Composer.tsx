import type { ReadonlySignal } from '@preact/signals';
import { useEffect, useLayoutEffect, useRef } from 'preact/hooks';
import type { SendKey } from '../lib/settings';
import { t } from '../lib/i18n';
import { AttachmentChips } from './AttachmentChips';
import { ComposerTools } from './ComposerTools';
import type { ChatModel } from './state/chat';
import type { AttachmentsModel } from './state/attachments';
import { imageInput, type ImagesModel } from './state/images';
import type { Inbox } from './state/inbox';

/** Whether this key press sends, with the user's "Send with" setting; the other Enter is a new line. */
export function sendsOn(e: Pick<KeyboardEvent, 'key' | 'shiftKey' | 'ctrlKey' | 'metaKey' | 'isComposing'>, sendKey: SendKey): boolean {
  // Not while an input method is composing: its Enter picks a candidate.
  if (e.key !== 'Enter' || e.shiftKey || e.isComposing) return false;
  // Ctrl/⌘+Enter sends either way, as in most chat apps.
  return sendKey === 'enter' || e.ctrlKey || e.metaKey;
}

const HINT = { enter: 'composer_hint_enter', 'ctrl-enter': 'composer_hint_ctrl_enter' } as const satisfies Record<SendKey, string>;

/**
 * Multi-line input that grows with its text (up to a share of the panel, then scrolls; see
 * styles.css) and shrinks back once sent; Stop while streaming. Focused when the panel opens and
 * again after each send.
 */
export function Composer({
  chat,
  inbox,
  attachments,
  images,
  sendKey,
}: {
  chat: ChatModel;
  inbox: Inbox;
  attachments: AttachmentsModel;
  images: ImagesModel;
  sendKey: ReadonlySignal<SendKey>;
}) {
  const box = useRef<HTMLTextAreaElement>(null);
  const focusRequests = inbox.focusRequests.value;
  // Requests made from now on: one made before a remount is not a reason to take focus again.
  const handled = useRef(focusRequests);
  useEffect(() => {
    if (focusRequests === handled.current) return;
    handled.current = focusRequests;
    box.current?.focus();
  }, [focusRequests]);
  // The panel opens to type in; focus already put somewhere on purpose stays there (a closed
  // view's button, an opened conversation's last message: useFocusMoves).
  useEffect(() => {
    const active = document.activeElement;
    if (!active || active === document.body) box.current?.focus();
  }, []);
  const draft = chat.draft.value;
  // Measured before paint, whatever changed the text (typing, a send clearing it, a refused
  // request putting it back): 'auto' first so that it can shrink as well as grow.
  useLayoutEffect(() => {
    const el = box.current;
    if (!el) return;
    el.style.height = 'auto';
    el.style.height = `${el.scrollHeight + el.offsetHeight - el.clientHeight}px`;
  }, [draft]);
  const send = () => {
    if (inbox.sendWithContext()) box.current?.focus();
  };
  const streaming = chat.streaming.value;
  const keys = sendKey.value;
  const hasContext = attachments.chips.value.length > 0;
  return (
    <form
      class="composer"
      {...imageInput(images)}
      onSubmit={(e) => {
        e.preventDefault();
        send();
      }}
    >
      <AttachmentChips attachments={attachments} />
      <ComposerTools attachments={attachments} images={images} />
      <div class="composer-row">
        <textarea
          ref={box}
          class="composer-input"
          aria-label={t('composer_message')}
          placeholder={hasContext ? t('composer_placeholder_attached', t(HINT[keys])) : t('composer_placeholder', t(HINT[keys]))}
          rows={2}
          value={draft}
          onInput={(e) => chat.setDraft(e.currentTarget.value)}
          onKeyDown={(e) => {
            if (!sendsOn(e, keys)) return;
            e.preventDefault();
            send();
          }}
        />
        {streaming ? (
          <button type="button" class="button button-stop" onClick={() => chat.stop()}>
            {t('composer_stop')}
          </button>
        ) : (
          <button type="submit" class="button button-send" disabled={draft.trim() === '' && !hasContext}>
            {t('composer_send')}
          </button>
        )}
      </div>
    </form>
  );
}
