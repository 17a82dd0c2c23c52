import type { ChatMessage, MessageStatus } from './state/message';
import { StreamingText } from './StreamingText';

const NOTE: Partial<Record<MessageStatus, string>> = {
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
    >
      {message.thinking.revision.value > 0 && (
        <details class="thinking" open={message.text.revision.value === 0}>
          <summary>Thinking</summary>
          <StreamingText text={message.thinking} />
        </details>
      )}
      <StreamingText text={message.text} />
      {(note || canRetry) && (
        <div class="message-meta">
          {note && <span class="message-note">{note}{message.error.value ? `: ${message.error.value}` : ''}</span>}
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
