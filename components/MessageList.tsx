import type { ComponentChildren } from 'preact';
import { useRef, useState } from 'preact/hooks';
import { t, tn } from '../lib/i18n';
import { MessageView } from './MessageView';
import type { ChatModel } from './state/chat';
import { useStickToBottom } from './useStickToBottom';

/**
 * A long conversation opens with its latest messages only; older ones come a page at a time on
 * request. Rendering all of a 1,000-message conversation costs the panel megabytes of heap and a
 * long first paint for messages nobody is looking at (bench 5b).
 */
export const WINDOW = 50;
export const PAGE = 100;

/** `empty`: what shows instead while there is no message (the welcome), beside the log, not in it. */
export function MessageList({ chat, empty }: { chat: ChatModel; empty?: ComponentChildren }) {
  const scroller = useRef<HTMLDivElement>(null);
  const content = useRef<HTMLDivElement>(null);
  useStickToBottom(scroller, content);
  const messages = chat.messages.value;
  const [grown, setGrown] = useState({ first: messages[0], size: WINDOW });
  // Another conversation (its first message differs) starts with the short window again.
  const size = grown.first === messages[0] ? grown.size : WINDOW;
  const hidden = Math.max(0, messages.length - size);
  const shown = hidden > 0 ? messages.slice(hidden) : messages;
  const last = messages[messages.length - 1];

  return (
    <div class="scroller" ref={scroller}>
      <div class="messages" role="log" aria-label={t('message_list_label')} aria-live="polite" ref={content}>
        {hidden > 0 && (
          <button type="button" class="link-button show-earlier" onClick={() => setGrown({ first: messages[0], size: size + PAGE })}>
            {tn('message_list_show_earlier', hidden)}
          </button>
        )}
        {shown.map((m) => (
          <MessageView key={m.id} message={m} actions={chat} onRetry={m === last ? () => chat.retry(m.id) : undefined} />
        ))}
      </div>
      {messages.length === 0 && empty}
    </div>
  );
}
