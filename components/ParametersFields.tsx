import { EMPTY_FIELDS, PARAM_LABELS, PARAM_NAMES, type ParamFields, type ParamName } from './state/param-fields';
import type { PromptSettingsModel } from './state/prompt-settings';

const HINTS: Record<ParamName, string> = {
  temperature: '0 to 2',
  top_p: '0 to 1',
  seed: 'whole number',
  num_ctx: 'tokens, at least 256',
  keep_alive: '5m, 1h, -1 (always) or 0',
};

/** One set of the five fields; `scope`: '' for the defaults, else the model they override. */
function Fields({ model, scope, fields, max }: { model: PromptSettingsModel; scope: string; fields: ParamFields; max?: number }) {
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
            placeholder={scope ? 'default' : 'Ollama default'}
            aria-describedby={`${id(name)}-hint`}
            value={fields[name]}
            onInput={(e) => model.setParam(scope, name, e.currentTarget.value)}
          />
          <span class="hint" id={`${id(name)}-hint`}>
            {name === 'num_ctx' && max ? `max ${max}` : HINTS[name]}
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
        <legend>Parameters</legend>
        <Fields model={model} scope="" fields={model.defaults.value} max={selected ? maxima[selected] : undefined} />
      </fieldset>
      <fieldset class="field">
        <legend>Parameters for one model</legend>
        <label class="field" htmlFor="override-model">
          <span>Override for model</span>
          <select id="override-model" value={picked} onChange={(e) => model.pickOverrideModel(e.currentTarget.value)}>
            <option value="">Pick a model…</option>
            {[...new Set([...installed, ...Object.keys(model.overrides.value)])].map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </select>
        </label>
        {picked && <Fields model={model} scope={picked} fields={model.overrides.value[picked] ?? EMPTY_FIELDS} max={maxima[picked]} />}
        <span class="hint">Empty fields use the defaults above.</span>
      </fieldset>
    </>
  );
}
