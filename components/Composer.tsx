import type { ChatModel } from './state/chat';

/** Multi-line input: Enter is a newline; Ctrl/Cmd+Enter or Send sends; Stop while streaming. */
export function Composer({ chat }: { chat: ChatModel }) {
  const streaming = chat.streaming.value;
  const blank = chat.draft.value.trim() === '';
  return (
    <form
      class="composer"
      onSubmit={(e) => {
        e.preventDefault();
        chat.send();
      }}
    >
      <textarea
        class="composer-input"
        aria-label="Message"
        placeholder="Ask your local model… (Ctrl+Enter to send)"
        rows={3}
        value={chat.draft.value}
        onInput={(e) => chat.setDraft(e.currentTarget.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
            e.preventDefault();
            chat.send();
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
    </form>
  );
}
