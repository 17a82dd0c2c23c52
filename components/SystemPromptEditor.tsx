/** The open conversation's own system prompt, with a preset picker; loaded on first use. */
import './system-prompt.css';
import { t } from '../lib/i18n';
import type { SystemPromptModel } from './state/system-prompt';
import { useFocusOnOpen } from './useFocusOnOpen';

export function SystemPromptEditor({ model }: { model: SystemPromptModel }) {
  const presets = model.presets.value;
  const fallback = model.fallback.value;
  const focus = useFocusOnOpen<HTMLTextAreaElement, HTMLElement>('System prompt');
  return (
    <section ref={focus.root} class="system-prompt" id="system-prompt-editor" aria-label={t('system_prompt_editor_label')}>
      <label class="field" htmlFor="conversation-system">
        <span>{t('system_prompt_editor_field')}</span>
        <textarea
          ref={focus.first}
          id="conversation-system"
          rows={3}
          value={model.text.value}
          placeholder={fallback ? t('system_prompt_editor_default', fallback) : t('system_prompt_editor_none')}
          aria-describedby="conversation-system-hint"
          onInput={(e) => model.set(e.currentTarget.value)}
        />
      </label>
      <span class="hint" id="conversation-system-hint">
        {t('system_prompt_editor_hint')}
      </span>
      {presets.length > 0 && (
        <label class="field" htmlFor="use-preset">
          <span>{t('system_prompt_editor_use_preset')}</span>
          <select
            id="use-preset"
            value=""
            onChange={(e) => {
              model.usePreset(e.currentTarget.value);
              e.currentTarget.value = '';
            }}
          >
            <option value="">{t('system_prompt_editor_pick_preset')}</option>
            {presets.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </label>
      )}
      <button type="button" class="button button-secondary" onClick={() => model.toggle()}>
        {t('system_prompt_editor_done')}
      </button>
    </section>
  );
}
