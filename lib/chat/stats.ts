/**
 * A finished reply's statistics: built once from the final chunk (background), checked wherever
 * they come in from outside (storage, an import file, a panel), shown by the reply's footer.
 */
import type { ReplyStats } from '../conversations/contract';
import type { DoneInfo } from '../protocol';

const FROM_OLLAMA = ['evalCount', 'evalDurationNs', 'totalDurationNs', 'promptEvalCount', 'ttftMs'] as const;
// Ours, added to what Ollama said: truncatedTo (lib/chat/truncation.ts), the num_ctx cap (lib/chat/context-cap.ts).
const NUMBERS = [...FROM_OLLAMA, 'truncatedTo', 'numCtxAsked', 'numCtxCappedTo'] as const;

const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0;

/** The stats of a reply that ended with `info`; fields Ollama did not report stay absent. */
export function statsFrom(model: string, info: DoneInfo): ReplyStats {
  const stats: ReplyStats = { model: info.model || model };
  for (const key of FROM_OLLAMA) {
    const v = info[key];
    if (isCount(v)) stats[key] = v;
  }
  return stats;
}

/**
 * `v` as stats when well formed (a model name, and each number present finite and not negative),
 * else null. Only the known fields are kept: stats are shown, so nothing else rides along.
 */
export function readStats(v: unknown): ReplyStats | null {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return null;
  const o = v as Record<string, unknown>;
  if (typeof o.model !== 'string' || o.model === '') return null;
  const stats: ReplyStats = { model: o.model };
  for (const key of NUMBERS) {
    const n = o[key];
    if (n === undefined) continue;
    if (!isCount(n)) return null;
    stats[key] = n;
  }
  return stats;
}

/** Tokens per second of generation, when Ollama said how many and how long. */
export function tokensPerSecond(s: ReplyStats): number | null {
  if (!s.evalCount || !s.evalDurationNs) return null;
  return s.evalCount / (s.evalDurationNs / 1e9);
}
