/**
 * The small line under a finished reply: which model, how fast, how long. The time to the first
 * token (how long the wait felt) is in the tooltip and read by screen readers, not in the line.
 */
import { tokensPerSecond } from '../lib/chat/stats';
import type { ReplyStats } from '../lib/conversations/contract';
import { cachedFormat, t, tn } from '../lib/i18n';
import type { ChatMessage } from './state/message';

// One formatter per language, made on first use: a long conversation renders a footer per reply.
const oneDecimal = (n: number) =>
  cachedFormat('reply-one-decimal', (l) => new Intl.NumberFormat(l, { minimumFractionDigits: 1, maximumFractionDigits: 1 })).format(n);
const whole = (n: number) => cachedFormat('reply-whole', (l) => new Intl.NumberFormat(l, { maximumFractionDigits: 0 })).format(n);

/** "3.2 s", or "2 min 5 s" once a reply took a minute or more. */
export function duration(ms: number): string {
  if (ms < 60_000) return t('reply_footer_seconds', oneDecimal(ms / 1000));
  const s = Math.round(ms / 1000);
  return t('reply_footer_minutes', whole(Math.floor(s / 60)), whole(s % 60));
}

/** The visible parts, in order: model, speed, total time (each only when known). */
export function footerParts(s: ReplyStats): string[] {
  const rate = tokensPerSecond(s);
  return [
    s.model,
    ...(rate === null ? [] : [t('reply_footer_rate', oneDecimal(rate))]),
    ...(s.totalDurationNs === undefined ? [] : [duration(s.totalDurationNs / 1e6)]),
  ];
}

/** The details for the tooltip: first token, tokens generated, prompt size. */
export function footerDetails(s: ReplyStats): string {
  return [
    s.ttftMs === undefined ? null : t('reply_footer_first_token', duration(s.ttftMs)),
    s.evalCount === undefined ? null : tn('reply_footer_generated', s.evalCount),
    s.promptEvalCount === undefined ? null : tn('reply_footer_prompt', s.promptEvalCount),
  ]
    .filter(Boolean)
    .join(' · ');
}

/** Ollama cut the prompt without a word (lib/chat/truncation.ts): said under the reply, in the words. */
export function truncationWarning(s: ReplyStats): string | null {
  if (!s.truncatedTo) return null;
  return tn('reply_footer_truncated', s.truncatedTo);
}

/** The Context length set was above the model's maximum, which was sent instead (lib/chat/context-cap.ts). */
export function contextCapWarning(s: ReplyStats): string | null {
  if (!s.numCtxAsked || !s.numCtxCappedTo) return null;
  return t('reply_footer_num_ctx_capped', s.numCtxAsked, s.model, s.numCtxCappedTo);
}

export function ReplyFooter({ message }: { message: ChatMessage }) {
  const stats = message.stats.value;
  if (!stats || message.status.value !== 'done') return null;
  const details = footerDetails(stats);
  const warning = truncationWarning(stats);
  const capped = contextCapWarning(stats);
  return (
    <>
      {capped && <p class="reply-warning">{capped}</p>}
      {warning && <p class="reply-warning">{warning}</p>}
      <p class="reply-footer" title={details || undefined}>
        {footerParts(stats).join(' · ')}
        {details && <span class="visually-hidden">. {details}</span>}
      </p>
    </>
  );
}
