import { type MessageKey, t } from '../lib/i18n';
import { EMPTY_FIELDS, PARAM_LABELS, PARAM_NAMES, type ParamFields, type ParamName } from './state/param-fields';
import type { PromptSettingsModel } from './state/prompt-settings';

const HINTS: Record<ParamName, MessageKey> = {
  temperature: 'parameters_fields_hint_temperature',
  top_p: 'parameters_fields_hint_top_p',
  seed: 'parameters_fields_hint_seed',
  num_ctx: 'parameters_fields_hint_num_ctx',
  keep_alive: 'parameters_fields_hint_keep_alive',
};

/**
 * The Context length hint. The general one is capped per model in the background
 * (lib/chat/context-cap.ts), so it says so; `chatModel`: the chat's model, whose maximum is shown.
 * Numbers unseparated, as the field takes them.
 */
function numCtxHint(scope: string, max?: number, chatModel?: string | null): string {
  if (scope) return max ? t('parameters_fields_max', String(max)) : t('parameters_fields_hint_num_ctx');
  return max && chatModel ? t('parameters_fields_max_global', String(max), chatModel) : t('parameters_fields_hint_num_ctx_global');
}

/** One set of the five fields; `scope`: '' for the defaults, else the model they override. */
function Fields({
  model,
  scope,
  fields,
  max,
  chatModel,
}: {
  model: PromptSettingsModel;
  scope: string;
  fields: ParamFields;
  max?: number;
  chatModel?: string | null;
}) {
  const id = (name: ParamName) => `param-${scope ? 'model' : 'default'}-${name}`;
  return (
    <div class="param-grid">
      {PARAM_NAMES.map((name) => (
        <label class="field" key={name} htmlFor={id(name)}>
          <span>{PARAM_LABELS[name]}</span>
          <input
            id={id(name)}
            type="text"
            inputMode={name === 'keep_alive' ? 'text' : 'decimal'}
            spellcheck={false}
            placeholder={scope ? t('parameters_fields_default') : t('parameters_fields_ollama_default')}
            aria-describedby={`${id(name)}-hint`}
            value={fields[name]}
            onInput={(e) => model.setParam(scope, name, e.currentTarget.value)}
          />
          <span class="hint" id={`${id(name)}-hint`}>
            {name === 'num_ctx' ? numCtxHint(scope, max, chatModel) : t(HINTS[name])}
          </span>
        </label>
      ))}
    </div>
  );
}

/** Sent with every request as Ollama's options and keep_alive; a model can override any field. */
export function ParametersFields({ model, installed, selected }: { model: PromptSettingsModel; installed: readonly string[]; selected: string | null }) {
  const picked = model.overrideModel.value;
  const maxima = model.maxContext.value;
  return (
    <>
      <fieldset class="field">
        <legend>{t('parameters_fields_legend')}</legend>
        <Fields model={model} scope="" fields={model.defaults.value} max={selected ? maxima[selected] : undefined} chatModel={selected} />
      </fieldset>
      <fieldset class="field">
        <legend>{t('parameters_fields_one_model')}</legend>
        <label class="field" htmlFor="override-model">
          <span>{t('parameters_fields_override')}</span>
          <select id="override-model" value={picked} onChange={(e) => model.pickOverrideModel(e.currentTarget.value)}>
            <option value="">{t('parameters_fields_pick_model')}</option>
            {[...new Set([...installed, ...Object.keys(model.overrides.value)])].map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </select>
        </label>
        {picked && <Fields model={model} scope={picked} fields={model.overrides.value[picked] ?? EMPTY_FIELDS} max={maxima[picked]} />}
        <span class="hint">{t('parameters_fields_empty_hint')}</span>
      </fieldset>
    </>
  );
}
