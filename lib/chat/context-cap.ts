/**
 * Context length (num_ctx) above what a model was trained for makes Ollama allocate for it anyway:
 * slow, or out of memory. So the request is capped at the model's maximum (/api/show), and the
 * reply says so (ReplyStats.numCtxAsked/numCtxCappedTo, shown by components/ReplyFooter.tsx).
 */
import type { ReplyStats } from '../conversations/contract';
import type { ChatRequest } from './request';

export type ContextCap = Required<Pick<ReplyStats, 'numCtxAsked' | 'numCtxCappedTo'>>;

/** `max` unknown (Ollama did not say, or could not be asked): the request goes as the user set it. */
export function capContext(request: ChatRequest, max: number | undefined): { request: ChatRequest; cap: ContextCap | null } {
  const asked = request.options?.num_ctx;
  if (asked === undefined || max === undefined || asked <= max) return { request, cap: null };
  return { request: { ...request, options: { ...request.options, num_ctx: max } }, cap: { numCtxAsked: asked, numCtxCappedTo: max } };
}
