import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { type MessageKey, t } from '../lib/i18n';
import { lazyView } from './LazyView';
import type { ChatModel } from './state/chat';
import type { ChatMessage, MessageState } from './state/message';
import { AttachmentView } from './AttachmentChips';
import { StreamingText } from './StreamingText';
import { VersionSwitch } from './VersionSwitch';

// marked, DOMPurify and the renderer are a third of the panel's code and not needed for its
// first paint: they load right after it (App preloads them), before a reply can arrive.
export const AssistantBody = lazyView(() => import('./markdown/AssistantBody').then((m) => m.AssistantBody), 'The reply view');

// Not needed to chat, and the panel's first load has a budget (bench 6): it comes with the first finished reply.
const ReplyFooter = lazyView(() => import('./ReplyFooter').then((m) => m.ReplyFooter), 'The reply footer');

// Opened by a click on Edit message: not part of the first load.
const EditBox = lazyView(() => import('./EditBox').then((m) => m.EditBox), 'The edit box');

const NOTE: Partial<Record<MessageState, MessageKey>> = {
  stopped: 'message_view_stopped',
  interrupted: 'message_view_interrupted',
  failed: 'message_view_no_reply',
};

/** What a message can ask of the chat: versions, regenerate, edit (absent in tests of the body alone). */
export type MessageActions = Pick<ChatModel, 'regenerate' | 'edit' | 'switchVersion' | 'streaming'>;

export function MessageView({ message, onRetry, actions }: { message: ChatMessage; onRetry?: () => void; actions?: MessageActions }) {
  const [editing, setEditing] = useState(false);
  // A cancelled edit hands focus back to the button that opened it, not to the page.
  const editButton = useRef<HTMLButtonElement>(null);
  const refocus = useRef(false);
  useLayoutEffect(() => {
    if (editing || !refocus.current) return;
    refocus.current = false;
    editButton.current?.focus();
  }, [editing]);
  const cancel = () => {
    refocus.current = true;
    setEditing(false);
  };
  const status = message.status.value;
  const note = NOTE[status];
  const busy = actions?.streaming.value ?? false;
  const isReply = message.role === 'assistant';
  const canRetry = onRetry && isReply && (status === 'interrupted' || status === 'failed' || status === 'stopped');
  // Every finished reply can be asked again; a failed or cut-off last one has Retry for that instead.
  const canRegenerate = actions && isReply && !canRetry && status !== 'streaming' && status !== 'failed';
  const canEdit = actions && !isReply && !editing;
  const count = message.versions.length + 1;
  const switcher = actions && count > 1 && (
    <VersionSwitch position={message.version} count={count} busy={busy} onSwitch={(to) => actions.switchVersion(message.id, to)} />
  );
  return (
    <article
      class={`message message-${message.role} message-${status}`}
      aria-label={isReply ? t('message_view_assistant') : t('message_view_you')}
      aria-busy={status === 'streaming'}
      data-status={status}
      // Focusable from script only (a conversation opened from History lands here), not by Tab.
      tabIndex={-1}
    >
      {isReply ? (
        <AssistantBody message={message} />
      ) : editing && actions ? (
        <EditBox initial={message.text.value} onCancel={cancel} onSend={(text) => actions.edit(message.id, text)} />
      ) : (
        <StreamingText text={message.text} />
      )}
      {message.attachments.length > 0 && (
        <section class="message-attachments" aria-label={t('message_view_attached')}>
          {message.attachments.map((a, i) => (
            <AttachmentView key={i} attachment={a} />
          ))}
        </section>
      )}
      {isReply && message.stats.value && status === 'done' && <ReplyFooter message={message} />}
      {(note || canRetry || canRegenerate || canEdit || switcher) && (
        <div class="message-meta">
          {switcher}
          {/* Why it failed is the banner's to say, once (with its fix); here only what became of the reply ("No reply"). */}
          {note && (
            <span class="message-note" title={status === 'failed' ? undefined : (message.error.value ?? undefined)}>
              {t(note)}
            </span>
          )}
          {canRetry && (
            <button type="button" class="link-button" onClick={onRetry}>
              {t('message_view_retry')}
            </button>
          )}
          {canRegenerate && (
            <button type="button" class="link-button" aria-disabled={busy} onClick={() => busy || actions.regenerate(message.id)}>
              {t('message_view_regenerate')}
            </button>
          )}
          {canEdit && (
            <button type="button" class="link-button" ref={editButton} aria-disabled={busy} onClick={() => busy || setEditing(true)}>
              {t('message_view_edit')}
            </button>
          )}
        </div>
      )}
    </article>
  );
}
