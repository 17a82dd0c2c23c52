import { useEffect, useRef } from 'preact/hooks';
import { ContextCard } from './ContextCard';
import type { ChatModel } from './state/chat';
import type { Inbox } from './state/inbox';

/**
 * Multi-line input: Enter (or Ctrl/Cmd+Enter) sends, Shift+Enter is a new line, as in every chat
 * app; Stop while streaming. Focused when the panel opens and again after each send.
 */
export function Composer({ chat, inbox }: { chat: ChatModel; inbox: Inbox }) {
  const box = useRef<HTMLTextAreaElement>(null);
  const focusRequests = inbox.focusRequests.value;
  useEffect(() => {
    if (focusRequests > 0) box.current?.focus();
  }, [focusRequests]);
  // The panel opens to type in.
  useEffect(() => box.current?.focus(), []);
  const send = () => {
    if (inbox.sendWithContext()) box.current?.focus();
  };
  const streaming = chat.streaming.value;
  const blank = chat.draft.value.trim() === '';
  const hasContext = inbox.contexts.value.length > 0;
  return (
    <form
      class="composer"
      onSubmit={(e) => {
        e.preventDefault();
        send();
      }}
    >
      <ContextCard inbox={inbox} />
      <div class="composer-row">
        <textarea
          ref={box}
          class="composer-input"
          aria-label="Message"
          placeholder={hasContext ? 'Ask about the selected text… (Shift+Enter: new line)' : 'Ask your local model… (Shift+Enter: new line)'}
          rows={3}
          value={chat.draft.value}
          onInput={(e) => chat.setDraft(e.currentTarget.value)}
          onKeyDown={(e) => {
            // Not while an input method is composing: its Enter picks a candidate.
            if (e.key !== 'Enter' || e.shiftKey || e.isComposing) return;
            e.preventDefault();
            send();
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
