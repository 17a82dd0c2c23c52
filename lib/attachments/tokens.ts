/**
 * A fast token estimate for the context budget. Tokenizers differ per model and only Ollama knows
 * the real count (it reports `prompt_eval_count` after a reply), so this is the common rule of
 * thumb, said as an estimate wherever it is shown: about 4 characters of English per token.
 */
export const CHARS_PER_TOKEN = 4;

export function estimateTokens(text: string): number {
  return Math.ceil(text.length / CHARS_PER_TOKEN);
}
