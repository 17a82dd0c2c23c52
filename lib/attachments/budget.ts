/**
 * How much an attachment may take of what Ollama keeps of one request, and cutting it to that,
 * never silently. Ollama keeps `num_ctx` tokens (the request's option; unset: its own default, not
 * the model's maximum) and drops the start of a longer prompt; so attached text that does not fit
 * is cut here, at a page or paragraph boundary, with a note saying what was kept.
 */
import { type MessageKey, t } from '../i18n';
import { estimateTokens } from './tokens';
import type { TextAttachment } from './types';

/**
 * Ollama's context when a request sets no num_ctx: 4,096 on machines with under 24 GiB of VRAM
 * (its docs' context-length page); older releases used 2,048, a big GPU or OLLAMA_CONTEXT_LENGTH
 * more. The panel cannot ask which, so it assumes this and says so.
 */
export const ASSUMED_DEFAULT_CONTEXT = 4096;

export interface ContextBudget {
  /** Tokens Ollama keeps of one request. */
  readonly context: number;
  /** No Context length in Settings: `context` is the assumed default. */
  readonly assumed: boolean;
  /** Tokens the next question's attachments may use together. */
  readonly forAttachments: number;
}

/**
 * `numCtx`: Settings' Context length for the model (absent: unset); `modelMax`: the model's own
 * maximum from /api/show, when known (Ollama loads no more than that); `used`: estimated tokens of
 * the system prompt and the history that go with the next question.
 */
export function contextBudget(numCtx: number | undefined, modelMax: number | undefined, used: number): ContextBudget {
  const wanted = numCtx ?? ASSUMED_DEFAULT_CONTEXT;
  const context = modelMax && modelMax > 0 ? Math.min(wanted, modelMax) : wanted;
  // The reply and the question need room too: a quarter of the window, at least 256 tokens.
  const reserve = Math.max(256, Math.floor(context / 4));
  return { context, assumed: numCtx === undefined, forAttachments: Math.max(0, context - reserve - used) };
}

const PAGE_MARK = /^\[Page (\d+)\]$/m;

/** The text in pieces that can be dropped whole: pages when it has page markers, else paragraphs. */
function units(text: string): { parts: string[]; pages: boolean } {
  if (PAGE_MARK.test(text)) {
    const parts = text.split(/(?=^\[Page \d+\]$)/m).filter((p) => p.trim());
    return { parts, pages: true };
  }
  return { parts: text.split(/(?<=\n\s*\n)/).filter((p) => p.trim()), pages: false };
}

function pageNumber(part: string): string {
  return PAGE_MARK.exec(part)?.[1] ?? '?';
}

/**
 * The note for each way of cutting, by where the limit came from (the assumed default, or the
 * user's Context length): whole sentences, since languages order the pieces differently.
 */
const NOTES = {
  startOfPage: { assumed: 'budget_start_of_page_assumed', set: 'budget_start_of_page_set' },
  start: { assumed: 'budget_start_assumed', set: 'budget_start_set' },
  nothing: { assumed: 'budget_nothing_assumed', set: 'budget_nothing_set' },
  page: { assumed: 'budget_page_assumed', set: 'budget_page_set' },
  pages: { assumed: 'budget_pages_assumed', set: 'budget_pages_set' },
  paragraphs: { assumed: 'budget_paragraphs_assumed', set: 'budget_paragraphs_set' },
} as const satisfies Record<string, Record<'assumed' | 'set', MessageKey>>;

// Page and paragraph counts as plain digits, as the English note always wrote them ("of 1200").
type Kept = { kind: keyof typeof NOTES; subs: string[] };

/**
 * `a` cut to `room` tokens (estimated): whole pages or paragraphs from the start, or the start of
 * the first one when even that is too long. Unchanged when it fits. A cut one says in `note`
 * what was kept, of how much, and why.
 */
export function fitText(a: TextAttachment, room: number, budget: ContextBudget): TextAttachment {
  const total = estimateTokens(a.text);
  if (total <= room) return a;
  const { parts, pages } = units(a.text);
  let kept = 0;
  let size = 0;
  while (kept < parts.length && size + estimateTokens(parts[kept] ?? '') <= room) size += estimateTokens(parts[kept++] ?? '');
  let text = parts.slice(0, kept).join('').trimEnd();
  let what: Kept;
  if (kept === 0) {
    // Not even one piece fits: its start, cut at a line or word break.
    const head = a.text.slice(0, Math.max(0, room) * 4);
    const at = Math.max(head.lastIndexOf('\n'), head.lastIndexOf(' '));
    text = (at > head.length / 2 ? head.slice(0, at) : head).trimEnd();
    what = !text ? { kind: 'nothing', subs: [] } : pages ? { kind: 'startOfPage', subs: [pageNumber(parts[0] ?? '')] } : { kind: 'start', subs: [] };
  } else if (pages) {
    const first = pageNumber(parts[0] ?? '');
    const last = pageNumber(parts[kept - 1] ?? '');
    what = first === last ? { kind: 'page', subs: [first, String(parts.length)] } : { kind: 'pages', subs: [first, last, String(parts.length)] };
  } else {
    what = { kind: 'paragraphs', subs: [String(kept), String(parts.length)] };
  }
  // Every count here is above one (a cut text has more tokens, pages or paragraphs than kept).
  const key = NOTES[what.kind][budget.assumed ? 'assumed' : 'set'];
  const note = t(key, estimateTokens(text), total, budget.context, ...what.subs);
  return { ...a, text, note };
}
