import { lazyView } from './LazyView';
import type { ChatMessage, MessageState } from './state/message';
import { StreamingText } from './StreamingText';

// marked, DOMPurify and the renderer are a third of the panel's code and not needed for its
// first paint: they load right after it (App preloads them), before a reply can arrive.
export const AssistantBody = lazyView(() => import('./markdown/AssistantBody').then((m) => m.AssistantBody), 'The reply view');

// Not needed to chat, and the panel's first load has a budget (bench 6): it comes with the first finished reply.
const ReplyFooter = lazyView(() => import('./ReplyFooter').then((m) => m.ReplyFooter), 'The reply footer');

const NOTE: Partial<Record<MessageState, string>> = {
  stopped: 'Stopped',
  interrupted: 'Interrupted',
  failed: 'No reply',
};

export function MessageView({ message, onRetry }: { message: ChatMessage; onRetry?: () => void }) {
  const status = message.status.value;
  const note = NOTE[status];
  const canRetry = onRetry && message.role === 'assistant' && (status === 'interrupted' || status === 'failed' || status === 'stopped');
  return (
    <article
      class={`message message-${message.role} message-${status}`}
      aria-label={message.role === 'user' ? 'You' : 'Assistant'}
      aria-busy={status === 'streaming'}
      data-status={status}
      // Focusable from script only (a conversation opened from History lands here), not by Tab.
      tabIndex={-1}
    >
      {message.role === 'assistant' ? <AssistantBody message={message} /> : <StreamingText text={message.text} />}
      {message.role === 'assistant' && message.stats.value && status === 'done' && <ReplyFooter message={message} />}
      {(note || canRetry) && (
        <div class="message-meta">
          {/* Why it failed is the banner's to say, once (with its fix); here only what became of the reply ("No reply"). */}
          {note && (
            <span class="message-note" title={status === 'failed' ? undefined : (message.error.value ?? undefined)}>
              {note}
            </span>
          )}
          {canRetry && (
            <button type="button" class="link-button" onClick={onRetry}>
              Retry
            </button>
          )}
        </div>
      )}
    </article>
  );
}
