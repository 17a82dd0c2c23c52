/**
 * An assistant message's body: the Thinking section, the markdown answer in `.text` (rendered
 * imperatively by AnswerController, so Preact never diffs model output), and Copy message.
 */
import { useLayoutEffect, useMemo, useRef } from 'preact/hooks';
import { t } from '../../lib/i18n';
import type { ChatMessage } from '../state/message';
import { onMarkdownClick } from './actions';
import { AnswerController } from './answer';
import { copyWithFeedback } from './clipboard';
import { ThinkingSection } from './ThinkingSection';

export function AssistantBody({ message }: { message: ChatMessage }) {
  const controller = useMemo(() => new AnswerController(message), [message]);
  const ref = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const unmount = controller.mount(el);
    // Keyboard activation of the buttons inside fires click too, so this covers both.
    el.addEventListener('click', onMarkdownClick);
    return () => {
      unmount();
      el.removeEventListener('click', onMarkdownClick);
    };
  }, [controller]);
  const canCopy = message.status.value !== 'streaming' && message.text.pieceCount > 0;
  return (
    <>
      <ThinkingSection message={message} extracted={controller.thinking} answerStarted={controller.answerStarted} />
      <div class="text" ref={ref} />
      {canCopy && (
        <div class="message-actions">
          <button
            type="button"
            class="copy-button"
            aria-label={t('assistant_body_copy_label')}
            onClick={(e) => void copyWithFeedback(e.currentTarget, message.text.value)}
          >
            {t('assistant_body_copy')}
          </button>
        </div>
      )}
    </>
  );
}
