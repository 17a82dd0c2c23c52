/**
 * The Parameters form's fields as typed (strings, '' = not set) and their checked values: what
 * Settings saves goes through the same ranges as what it reads (lib/model-params.ts).
 */
import { isKeepAlive, type ModelParameters, PARAMETER_RANGES } from '../../lib/model-params';

export const PARAM_NAMES = ['temperature', 'top_p', 'seed', 'num_ctx', 'keep_alive'] as const;
export type ParamName = (typeof PARAM_NAMES)[number];
export type ParamFields = Record<ParamName, string>;

/** The visible labels; tests and users find the fields by them. */
export const PARAM_LABELS: Record<ParamName, string> = {
  temperature: 'Temperature',
  top_p: 'Top P',
  seed: 'Seed',
  num_ctx: 'Context length',
  keep_alive: 'Keep alive',
};

export const EMPTY_FIELDS: ParamFields = { temperature: '', top_p: '', seed: '', num_ctx: '', keep_alive: '' };

export function toFields(p: ModelParameters): ParamFields {
  const text = (v: number | string | undefined) => (v === undefined ? '' : String(v));
  return { temperature: text(p.temperature), top_p: text(p.top_p), seed: text(p.seed), num_ctx: text(p.num_ctx), keep_alive: text(p.keep_alive) };
}

export type FieldsCheck = { ok: true; params: ModelParameters } | { ok: false; error: string };

/** `where`: names the form in an error ("Parameters", "Parameters for llama3"). */
export function fromFields(f: ParamFields, where: string, maxContext?: number): FieldsCheck {
  const out: ModelParameters = {};
  const n = (name: ParamName) => Number(f[name].trim());
  const bad = (name: ParamName, why: string): FieldsCheck => ({ ok: false, error: `${where}: ${PARAM_LABELS[name]} ${why}` });
  const set = (name: ParamName) => f[name].trim() !== '';
  const { temperature: t, top_p: tp, num_ctx: ctx } = PARAMETER_RANGES;
  if (set('temperature')) {
    if (!(n('temperature') >= t.min && n('temperature') <= t.max)) return bad('temperature', 'must be a number from 0 to 2.');
    out.temperature = n('temperature');
  }
  if (set('top_p')) {
    if (!(n('top_p') >= tp.min && n('top_p') <= tp.max)) return bad('top_p', 'must be a number from 0 to 1.');
    out.top_p = n('top_p');
  }
  if (set('seed')) {
    if (!Number.isSafeInteger(n('seed'))) return bad('seed', 'must be a whole number.');
    out.seed = n('seed');
  }
  if (set('num_ctx')) {
    const max = maxContext ?? Number.MAX_SAFE_INTEGER;
    if (!Number.isSafeInteger(n('num_ctx')) || n('num_ctx') < ctx.min || n('num_ctx') > max)
      return bad('num_ctx', maxContext ? `must be a whole number from 256 to ${maxContext}.` : 'must be a whole number of at least 256.');
    out.num_ctx = n('num_ctx');
  }
  if (set('keep_alive')) {
    if (!isKeepAlive(f.keep_alive)) return bad('keep_alive', 'must be a duration like 5m or 1h, -1 (keep loaded) or 0 (unload at once).');
    out.keep_alive = f.keep_alive.trim();
  }
  return { ok: true, params: out };
}
