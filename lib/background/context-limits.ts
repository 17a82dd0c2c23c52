/**
 * The models' maximum context lengths, from /api/show, asked once per connection and model for
 * the background's life (a model's maximum does not change under its name). A failed question is
 * not remembered: the next reply asks again.
 */
import type { OllamaContext } from './context';

export interface ContextLimits {
  /** Undefined when Ollama could not be asked or did not say: a chat never waits on more. */
  of(ctx: OllamaContext, model: string): Promise<number | undefined>;
}

export function createContextLimits(): ContextLimits {
  const known = new Map<string, number | undefined>();
  return {
    async of(ctx, model) {
      // The URL too: an edited connection keeps its id but may point at another server.
      const key = JSON.stringify([ctx.connection?.id ?? '', ctx.settings.baseUrl, model]);
      if (known.has(key)) return known.get(key);
      const facts = await ctx.api.show?.(model).catch(() => null);
      if (!facts) return undefined;
      known.set(key, facts.contextLength);
      return facts.contextLength;
    },
  };
}
