import { t } from '../lib/i18n';
import type { SettingsModel } from './state/settings';

/** The user's own context-menu prompts; `{selection}` marks where the selected text goes. */
export function CustomPrompts({ model }: { model: SettingsModel }) {
  const prompts = model.customPrompts.value;
  return (
    <fieldset class="field">
      <legend>{t('custom_prompts_legend')}</legend>
      {prompts.map((p, i) => (
        <div class="prompt-row" key={p.id}>
          <input
            aria-label={t('custom_prompts_name', i + 1)}
            placeholder={t('custom_prompts_name_placeholder')}
            value={p.title}
            onInput={(e) => model.updatePrompt(i, { title: e.currentTarget.value })}
          />
          <textarea
            aria-label={t('custom_prompts_template', i + 1)}
            rows={2}
            value={p.template}
            onInput={(e) => model.updatePrompt(i, { template: e.currentTarget.value })}
          />
          <button type="button" class="link-button" onClick={() => model.removePrompt(i)}>
            {t('custom_prompts_remove', i + 1)}
          </button>
        </div>
      ))}
      <button type="button" class="button button-secondary" onClick={() => model.addPrompt()}>
        {t('custom_prompts_add')}
      </button>
      <span class="hint">{t('custom_prompts_hint')}</span>
    </fieldset>
  );
}
