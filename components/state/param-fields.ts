/**
 * The Parameters form's fields as typed (strings, '' = not set) and their checked values: what
 * Settings saves goes through the same ranges as what it reads (lib/model-params.ts).
 */
import { t } from '../../lib/i18n';
import { isKeepAlive, type ModelParameters, PARAMETER_RANGES } from '../../lib/model-params';

export const PARAM_NAMES = ['temperature', 'top_p', 'seed', 'num_ctx', 'keep_alive'] as const;
export type ParamName = (typeof PARAM_NAMES)[number];
export type ParamFields = Record<ParamName, string>;

/** The visible labels; tests and users find the fields by them. Getters: read in the UI language when shown. */
export const PARAM_LABELS: Readonly<Record<ParamName, string>> = {
  get temperature() {
    return t('param_fields_temperature');
  },
  get top_p() {
    return t('param_fields_top_p');
  },
  get seed() {
    return t('param_fields_seed');
  },
  get num_ctx() {
    return t('param_fields_num_ctx');
  },
  get keep_alive() {
    return t('param_fields_keep_alive');
  },
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
  const bad = (error: string): FieldsCheck => ({ ok: false, error });
  const set = (name: ParamName) => f[name].trim() !== '';
  const { temperature: temp, top_p: tp, num_ctx: ctx } = PARAMETER_RANGES;
  if (set('temperature')) {
    if (!(n('temperature') >= temp.min && n('temperature') <= temp.max)) return bad(t('param_fields_bad_temperature', where));
    out.temperature = n('temperature');
  }
  if (set('top_p')) {
    if (!(n('top_p') >= tp.min && n('top_p') <= tp.max)) return bad(t('param_fields_bad_top_p', where));
    out.top_p = n('top_p');
  }
  if (set('seed')) {
    if (!Number.isSafeInteger(n('seed'))) return bad(t('param_fields_bad_seed', where));
    out.seed = n('seed');
  }
  if (set('num_ctx')) {
    const max = maxContext ?? Number.MAX_SAFE_INTEGER;
    if (!Number.isSafeInteger(n('num_ctx')) || n('num_ctx') < ctx.min || n('num_ctx') > max)
      // The maximum as digits without grouping, as the English text has always shown it.
      return bad(maxContext ? t('param_fields_bad_num_ctx_range', where, String(maxContext)) : t('param_fields_bad_num_ctx_min', where));
    out.num_ctx = n('num_ctx');
  }
  if (set('keep_alive')) {
    if (!isKeepAlive(f.keep_alive)) return bad(t('param_fields_bad_keep_alive', where));
    out.keep_alive = f.keep_alive.trim();
  }
  return { ok: true, params: out };
}
