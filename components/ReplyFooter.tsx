/**
 * The small line under a finished reply: which model, how fast, how long. The time to the first
 * token (how long the wait felt) is in the tooltip and read by screen readers, not in the line.
 */
import type { ReplyStats } from '../lib/conversations/contract';
import { tokensPerSecond } from '../lib/chat/stats';
import type { ChatMessage } from './state/message';

// One formatter each, made once: a long conversation renders a footer per reply.
const oneDecimal = new Intl.NumberFormat(undefined, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const whole = new Intl.NumberFormat(undefined, { maximumFractionDigits: 0 });

/** "3.2 s", or "2 min 5 s" once a reply took a minute or more. */
export function duration(ms: number): string {
  if (ms < 60_000) return `${oneDecimal.format(ms / 1000)} s`;
  const s = Math.round(ms / 1000);
  return `${whole.format(Math.floor(s / 60))} min ${whole.format(s % 60)} s`;
}

/** The visible parts, in order: model, speed, total time (each only when known). */
export function footerParts(s: ReplyStats): string[] {
  const rate = tokensPerSecond(s);
  return [
    s.model,
    ...(rate === null ? [] : [`${oneDecimal.format(rate)} tok/s`]),
    ...(s.totalDurationNs === undefined ? [] : [duration(s.totalDurationNs / 1e6)]),
  ];
}

/** The details for the tooltip: first token, tokens generated, prompt size. */
export function footerDetails(s: ReplyStats): string {
  return [
    s.ttftMs === undefined ? null : `First token after ${duration(s.ttftMs)}`,
    s.evalCount === undefined ? null : `${whole.format(s.evalCount)} tokens generated`,
    s.promptEvalCount === undefined ? null : `prompt: ${whole.format(s.promptEvalCount)} tokens`,
  ]
    .filter(Boolean)
    .join(' · ');
}

/** Ollama cut the prompt without a word (lib/chat/truncation.ts): said under the reply, in the words. */
export function truncationWarning(s: ReplyStats): string | null {
  if (!s.truncatedTo) return null;
  return `The model saw only the last ${whole.format(s.truncatedTo)} tokens; raise the context length in Settings.`;
}

export function ReplyFooter({ message }: { message: ChatMessage }) {
  const stats = message.stats.value;
  if (!stats || message.status.value !== 'done') return null;
  const details = footerDetails(stats);
  const warning = truncationWarning(stats);
  return (
    <>
      {warning && <p class="reply-warning">{warning}</p>}
      <p class="reply-footer" title={details || undefined}>
        {footerParts(stats).join(' · ')}
        {details && <span class="visually-hidden">. {details}</span>}
      </p>
    </>
  );
}
