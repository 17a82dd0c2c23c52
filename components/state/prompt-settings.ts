/**
 * Settings' system prompt, presets and parameters (issue 14). Edits are local until saved, like
 * the rest of the form; the saved values go through lib/settings.ts's sanitizing on every read.
 */
import { type ReadonlySignal, signal } from '@preact/signals';
import type { ModelParameters, PromptPreset } from '../../lib/model-params';
import type { Settings } from '../../lib/settings';
import { readSettings, writeSettings } from '../../lib/storage/items';
import { EMPTY_FIELDS, fromFields, type ParamFields, type ParamName, toFields } from './param-fields';
import { t } from '../../lib/i18n';

export interface PromptSettingsModel {
  readonly systemPrompt: ReadonlySignal<string>;
  readonly presets: ReadonlySignal<readonly PromptPreset[]>;
  /** The global defaults' fields. */
  readonly defaults: ReadonlySignal<ParamFields>;
  /** The model whose override is being edited; '' until one is picked. */
  readonly overrideModel: ReadonlySignal<string>;
  readonly overrides: ReadonlySignal<Readonly<Record<string, ParamFields>>>;
  /** Context length maxima by model, as /api/show said (model/facts). */
  readonly maxContext: ReadonlySignal<Readonly<Record<string, number>>>;
  readonly error: ReadonlySignal<string | null>;
  setSystemPrompt(v: string): void;
  addPreset(): void;
  updatePreset(index: number, patch: Partial<Omit<PromptPreset, 'id'>>): void;
  removePreset(index: number): void;
  /** `model`: '' for the defaults, else that model's override. */
  setParam(model: string, name: ParamName, value: string): void;
  pickOverrideModel(model: string): void;
  facts(model: string, contextLength?: number): void;
  /** `selected`: the chat's model, whose maximum context length is shown. */
  load(selected: string | null): Promise<void>;
  /** Checks and writes; false (with `error` set) when a field is invalid. */
  save(): Promise<boolean>;
}

export interface PromptSettingsDeps {
  read(): Promise<Settings>;
  write(patch: Partial<Settings>): Promise<unknown>;
  /** Asks the background for a model's facts (answered by facts()). */
  askFacts(model: string): void;
}

export function createPromptSettings(deps: Omit<PromptSettingsDeps, 'read' | 'write'> & Partial<PromptSettingsDeps>): PromptSettingsModel {
  const read = deps.read ?? readSettings;
  const write = deps.write ?? writeSettings;
  const systemPrompt = signal('');
  const presets = signal<PromptPreset[]>([]);
  const defaults = signal<ParamFields>(EMPTY_FIELDS);
  const overrideModel = signal('');
  const overrides = signal<Record<string, ParamFields>>({});
  const maxContext = signal<Record<string, number>>({});
  const error = signal<string | null>(null);
  const asked = new Set<string>();
  const ask = (model: string) => {
    if (!model || asked.has(model)) return;
    asked.add(model);
    deps.askFacts(model);
  };

  return {
    systemPrompt,
    presets,
    defaults,
    overrideModel,
    overrides,
    maxContext,
    error,
    setSystemPrompt: (v) => {
      systemPrompt.value = v;
    },
    addPreset() {
      presets.value = [...presets.peek(), { id: `preset-${Date.now().toString(36)}-${presets.peek().length}`, name: '', text: '' }];
    },
    updatePreset(index, patch) {
      presets.value = presets.peek().map((p, i) => (i === index ? { ...p, ...patch } : p));
    },
    removePreset(index) {
      presets.value = presets.peek().filter((_, i) => i !== index);
    },
    setParam(model, name, value) {
      if (!model) defaults.value = { ...defaults.peek(), [name]: value };
      else overrides.value = { ...overrides.peek(), [model]: { ...(overrides.peek()[model] ?? EMPTY_FIELDS), [name]: value } };
    },
    pickOverrideModel(model) {
      overrideModel.value = model;
      ask(model);
    },
    facts(model, contextLength) {
      if (contextLength) maxContext.value = { ...maxContext.peek(), [model]: contextLength };
    },
    async load(selected) {
      const s = await read();
      systemPrompt.value = s.systemPrompt;
      presets.value = s.promptPresets;
      defaults.value = toFields(s.parameters);
      overrides.value = Object.fromEntries(Object.entries(s.modelParameters).map(([m, p]) => [m, toFields(p)]));
      error.value = null;
      ask(selected ?? s.defaultModel);
    },
    async save() {
      const named = presets.peek().map((p) => ({ ...p, name: p.name.trim() }));
      const badPreset = named.findIndex((p) => !p.name || !p.text.trim());
      if (badPreset >= 0) {
        error.value = t('prompt_settings_preset_incomplete', badPreset + 1);
        return false;
      }
      const base = fromFields(defaults.peek(), t('prompt_settings_parameters'));
      if (!base.ok) return fail(base.error);
      const perModel: Record<string, ModelParameters> = {};
      for (const [model, fields] of Object.entries(overrides.peek())) {
        const check = fromFields(fields, t('prompt_settings_parameters_for', model), maxContext.peek()[model]);
        if (!check.ok) return fail(check.error);
        if (Object.keys(check.params).length > 0) perModel[model] = check.params;
      }
      await write({ systemPrompt: systemPrompt.peek(), promptPresets: named, parameters: base.params, modelParameters: perModel });
      error.value = null;
      return true;
    },
  };

  function fail(message: string) {
    error.value = message;
    return false;
  }
}
