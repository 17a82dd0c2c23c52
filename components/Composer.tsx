import { useEffect, useRef } from 'preact/hooks';
import { ContextCard } from './ContextCard';
import type { ChatModel } from './state/chat';
import type { Inbox } from './state/inbox';

/** Multi-line input: Enter is a newline; Ctrl/Cmd+Enter or Send sends; Stop while streaming. */
export function Composer({ chat, inbox }: { chat: ChatModel; inbox: Inbox }) {
  const box = useRef<HTMLTextAreaElement>(null);
  const focusRequests = inbox.focusRequests.value;
  useEffect(() => {
    if (focusRequests > 0) box.current?.focus();
  }, [focusRequests]);
  const streaming = chat.streaming.value;
  const blank = chat.draft.value.trim() === '';
  const hasContext = inbox.contexts.value.length > 0;
  return (
    <form
      class="composer"
      onSubmit={(e) => {
        e.preventDefault();
        inbox.sendWithContext();
      }}
    >
      <ContextCard inbox={inbox} />
      <div class="composer-row">
        <textarea
          ref={box}
          class="composer-input"
          aria-label="Message"
          placeholder={hasContext ? 'Ask about the selected text… (Ctrl+Enter to send)' : 'Ask your local model… (Ctrl+Enter to send)'}
          rows={3}
          value={chat.draft.value}
          onInput={(e) => chat.setDraft(e.currentTarget.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
              e.preventDefault();
              inbox.sendWithContext();
            }
          }}
        />
        {streaming ? (
          <button type="button" class="button button-stop" onClick={() => chat.stop()}>
            Stop
          </button>
        ) : (
          <button type="submit" class="button button-send" disabled={blank}>
            Send
          </button>
        )}
      </div>
    </form>
  );
}
