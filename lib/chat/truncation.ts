/**
 * Whether Ollama cut the prompt of a request. It does so without a word (only its log says
 * "truncating input prompt"): it drops old messages, then the start of what is left, so the model
 * sees only the last `num_ctx` tokens. The reply then carries a warning (ReplyStats.truncatedTo).
 *
 * It must not cry wolf. prompt_eval_count alone cannot tell: Ollama counts only the tokens it
 * evaluated, so a prompt found in its cache (a later turn of the same chat) reports far fewer than
 * were sent. So the rule is: what was sent must clearly exceed the window (the estimate is a rule
 * of thumb, hence the margin), and Ollama must have read less than that.
 */
import { estimateTokens } from '../attachments/tokens';
import type { WireTurn } from './request';

/** How far over the window the estimate must be before it is trusted to mean a cut. */
const MARGIN = 1.2;
/** A chat template adds a few tokens around each message. */
const PER_MESSAGE = 4;
/** Ollama's defaults when the request sets no num_ctx (by VRAM: 4k, 32k, 256k; see budget.ts). */
const DEFAULT_WINDOWS = [4096, 32_768, 262_144];

/** The estimated tokens of a request's messages, as Ollama is sent them (images not counted). */
export function estimatePrompt(messages: readonly WireTurn[]): number {
  return messages.reduce((n, m) => n + estimateTokens(m.content) + PER_MESSAGE, 0);
}

/**
 * The window Ollama used: the request's num_ctx, else the smallest of its defaults that holds
 * what it reported reading (it never reads more than its window).
 */
function windowOf(numCtx: number | undefined, promptEvalCount: number): number {
  if (numCtx !== undefined) return numCtx;
  return DEFAULT_WINDOWS.find((w) => w >= promptEvalCount) ?? promptEvalCount;
}

/** The tokens the model saw when Ollama cut the prompt, else null (not cut, or not known). */
export function truncatedTo(messages: readonly WireTurn[], numCtx: number | undefined, promptEvalCount: number | undefined): number | null {
  if (promptEvalCount === undefined || promptEvalCount <= 0) return null;
  const sent = estimatePrompt(messages);
  const window = windowOf(numCtx, promptEvalCount);
  if (sent < window * MARGIN || promptEvalCount >= sent) return null;
  return window;
}
