import { t } from '../lib/i18n';
import type { PromptSettingsModel } from './state/prompt-settings';

/** The default system prompt, and the named presets a conversation can pick from its header. */
export function PromptPresets({ model }: { model: PromptSettingsModel }) {
  const presets = model.presets.value;
  return (
    <fieldset class="field">
      <legend>{t('prompt_presets_legend')}</legend>
      <label class="field">
        <span>{t('prompt_presets_system_prompt')}</span>
        <textarea rows={3} value={model.systemPrompt.value} onInput={(e) => model.setSystemPrompt(e.currentTarget.value)} />
        <span class="hint">{t('prompt_presets_hint')}</span>
      </label>
      {presets.map((p, i) => (
        <div class="prompt-row" key={p.id}>
          <input
            aria-label={t('prompt_presets_name_numbered', i + 1)}
            placeholder={t('prompt_presets_name')}
            value={p.name}
            onInput={(e) => model.updatePreset(i, { name: e.currentTarget.value })}
          />
          <textarea
            aria-label={t('prompt_presets_text_numbered', i + 1)}
            rows={2}
            value={p.text}
            onInput={(e) => model.updatePreset(i, { text: e.currentTarget.value })}
          />
          <button type="button" class="link-button" onClick={() => model.removePreset(i)}>
            {t('prompt_presets_delete', i + 1)}
          </button>
        </div>
      ))}
      <button type="button" class="button button-secondary" onClick={() => model.addPreset()}>
        {t('prompt_presets_add')}
      </button>
    </fieldset>
  );
}
