import { useRef } from 'preact/hooks';
import { MessageView } from './MessageView';
import type { ChatModel } from './state/chat';
import { useStickToBottom } from './useStickToBottom';

export function MessageList({ chat }: { chat: ChatModel }) {
  const scroller = useRef<HTMLDivElement>(null);
  const content = useRef<HTMLDivElement>(null);
  useStickToBottom(scroller, content);
  const messages = chat.messages.value;
  const last = messages[messages.length - 1];

  return (
    <div class="scroller" ref={scroller}>
      <div class="messages" role="log" aria-label="Messages" aria-live="polite" ref={content}>
        {messages.length === 0 ? (
          <p class="empty">Start a conversation with your local LLM</p>
        ) : (
          messages.map((m) => (
            <MessageView key={m.id} message={m} onRetry={m === last ? () => chat.retry(m.id) : undefined} />
          ))
        )}
      </div>
    </div>
  );
}
