/**
 * System-prompt presets and model parameters (issue 14): their types, ranges and validation.
 * Kept apart from lib/settings.ts, which calls these for its new fields.
 */

/** A named system prompt the user can pick for a conversation. */
export interface PromptPreset {
  id: string;
  name: string;
  text: string;
}

/** What Ollama gets in `options` and `keep_alive`; an absent field lets Ollama decide. */
export interface ModelParameters {
  temperature?: number;
  top_p?: number;
  seed?: number;
  num_ctx?: number;
  keep_alive?: string;
}

export const PARAMETER_RANGES = {
  temperature: { min: 0, max: 2 },
  top_p: { min: 0, max: 1 },
  /** Below this Ollama's own prompt templates do not fit. */
  num_ctx: { min: 256 },
} as const;

// Ollama parses keep_alive with Go's time.ParseDuration, or a bare number of seconds; a negative
// value keeps the model loaded forever and 0 unloads it at once.
const KEEP_ALIVE = /^(-?\d+(\.\d+)?|(-?(\d+(\.\d+)?(ns|us|µs|ms|s|m|h))+))$/;

export const isKeepAlive = (v: unknown): v is string => typeof v === 'string' && KEEP_ALIVE.test(v.trim());

const num = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const within = (v: unknown, min: number, max: number): v is number => num(v) && v >= min && v <= max;

/**
 * Keeps each parameter that is in range, drops the others. `maxContext`: the model's context
 * length when known (/api/show), the upper bound for num_ctx.
 */
export function sanitizeParameters(raw: unknown, maxContext?: number): ModelParameters {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return {};
  const p = raw as Record<string, unknown>;
  const out: ModelParameters = {};
  const { temperature: t, top_p: tp, num_ctx: ctx } = PARAMETER_RANGES;
  if (within(p.temperature, t.min, t.max)) out.temperature = p.temperature;
  if (within(p.top_p, tp.min, tp.max)) out.top_p = p.top_p;
  if (Number.isSafeInteger(p.seed)) out.seed = p.seed as number;
  if (Number.isSafeInteger(p.num_ctx) && within(p.num_ctx, ctx.min, maxContext ?? Number.MAX_SAFE_INTEGER)) out.num_ctx = p.num_ctx as number;
  if (isKeepAlive(p.keep_alive)) out.keep_alive = p.keep_alive.trim();
  return out;
}

/** Per-model overrides: a non-empty model name to its parameters; empty overrides are dropped. */
export function sanitizeModelParameters(raw: unknown): Record<string, ModelParameters> {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return {};
  const out: Record<string, ModelParameters> = {};
  for (const [model, value] of Object.entries(raw)) {
    const params = sanitizeParameters(value);
    if (model.trim() && Object.keys(params).length > 0) out[model.trim()] = params;
  }
  return out;
}

/** Well-formed presets, once per id (the picker keys on it); a preset needs a name and a text. */
export function sanitizePresets(raw: unknown): PromptPreset[] {
  if (!Array.isArray(raw)) return [];
  const seen = new Set<string>();
  const kept: PromptPreset[] = [];
  for (const v of raw) {
    if (typeof v !== 'object' || v === null) continue;
    const { id, name, text } = v as Record<string, unknown>;
    if (typeof id !== 'string' || !id || seen.has(id)) continue;
    if (typeof name !== 'string' || !name.trim() || typeof text !== 'string' || !text.trim()) continue;
    seen.add(id);
    kept.push({ id, name: name.trim(), text });
  }
  return kept;
}

/** A model's parameters: its own override field by field, else the global default. */
export function parametersFor(defaults: ModelParameters, perModel: Record<string, ModelParameters>, model: string): ModelParameters {
  return { ...defaults, ...perModel[model] };
}
