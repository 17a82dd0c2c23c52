/**
 * The model's reasoning, from the thinking channel or from `<think>` in the content: open while
 * it streams, folded once the answer starts. `open` only changes when that state changes, so a
 * reader who opens or closes it by hand keeps their choice.
 */
import { type ReadonlySignal, useComputed } from '@preact/signals';
import { t } from '../../lib/i18n';
import type { ChatMessage } from '../state/message';
import type { StreamText } from '../state/stream-text';
import { StreamingText } from '../StreamingText';

interface Props {
  message: ChatMessage;
  extracted: StreamText;
  answerStarted: ReadonlySignal<boolean>;
}

export function ThinkingSection({ message, extracted, answerStarted }: Props) {
  const fromChannel = useComputed(() => message.thinking.revision.value > 0);
  const fromContent = useComputed(() => extracted.revision.value > 0);
  if (!fromChannel.value && !fromContent.value) return null;
  return (
    <details class="thinking" open={!answerStarted.value}>
      <summary>{t('thinking_section_summary')}</summary>
      {fromChannel.value && <StreamingText text={message.thinking} />}
      {fromContent.value && <StreamingText text={extracted} />}
    </details>
  );
}
