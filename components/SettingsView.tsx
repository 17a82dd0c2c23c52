import './settings.css';
import { t } from '../lib/i18n';
import type { Theme } from '../lib/settings';
import { AutoStart } from './AutoStart';
import { ConnectionsSettings } from './ConnectionsSettings';
import { CustomPrompts } from './CustomPrompts';
import { ParametersFields } from './ParametersFields';
import { PromptPresets } from './PromptPresets';
import { SendKeyField } from './SendKeyField';
import { ShortcutsHelp } from './ShortcutsHelp';
import { SLOT, SlottedText } from './SlottedText';
import type { PromptSettingsModel } from './state/prompt-settings';
import type { SettingsModel } from './state/settings';
import { useFocusOnOpen } from './useFocusOnOpen';

interface Props {
  model: SettingsModel;
  /** System prompt, presets and parameters (issue 14), saved with the rest. */
  prompts: PromptSettingsModel;
  onClose: () => void;
  /** The model names Ollama lists now (empty when it is unreachable). */
  installed?: readonly string[];
  /** The chat's model, whose maximum context length is shown. */
  selected?: string | null;
}

export function SettingsView({ model, prompts, onClose, installed = [], selected = null }: Props) {
  const error = model.error.value ?? prompts.error.value;
  const warning = model.warning.value;
  const described = [error && 'settings-error', warning && 'settings-warning'].filter(Boolean).join(' ');
  const focus = useFocusOnOpen<HTMLInputElement, HTMLFormElement>('Settings');
  return (
    <form
      ref={focus.root}
      class="settings"
      aria-label={t('settings_view_label')}
      onSubmit={(e) => {
        e.preventDefault();
        // The main save first, straight from the click: its permission request needs the gesture.
        void model.save().then((ok) => ok && prompts.save());
      }}
    >
      <h2>{t('settings_view_heading')}</h2>
      <label class="field">
        <span>{t('settings_view_url')}</span>
        <input
          ref={focus.first}
          type="text"
          inputMode="url"
          spellcheck={false}
          value={model.baseUrl.value}
          aria-invalid={error ? true : undefined}
          aria-describedby={described || undefined}
          onInput={(e) => model.setBaseUrl(e.currentTarget.value)}
        />
      </label>
      {warning && (
        // Said as the URL is typed, and it does not stop Save: a LAN server without TLS is a
        // choice the user may make knowingly.
        <p id="settings-warning" class="field-warning" aria-live="polite">
          {warning}
        </p>
      )}
      <ConnectionsSettings model={model.connections} />
      <label class="field" htmlFor="default-model">
        <span>{t('settings_view_default_model')}</span>
        {installed.length > 0 ? (
          // Pick from what Ollama has; a saved name it lacks stays listed, marked, not silently lost.
          <select id="default-model" value={model.defaultModel.value} onChange={(e) => model.setDefaultModel(e.currentTarget.value)}>
            {!installed.includes(model.defaultModel.value) && (
              <option value={model.defaultModel.value}>{t('settings_view_not_installed', model.defaultModel.value)}</option>
            )}
            {installed.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </select>
        ) : (
          // Ollama unreachable: no list to pick from, so the name can be typed.
          <input
            id="default-model"
            type="text"
            spellcheck={false}
            value={model.defaultModel.value}
            onInput={(e) => model.setDefaultModel(e.currentTarget.value)}
          />
        )}
      </label>
      <label class="field">
        <span>{t('settings_view_selection_limit')}</span>
        <input type="number" min={100} step={100} value={model.selectionLimit.value} onInput={(e) => model.setSelectionLimit(e.currentTarget.value)} />
      </label>
      <SendKeyField model={model} />
      <label class="field" htmlFor="theme">
        <span>{t('settings_view_theme')}</span>
        <select id="theme" value={model.theme.value} onChange={(e) => model.setTheme(e.currentTarget.value as Theme)}>
          <option value="system">{t('settings_view_theme_system')}</option>
          <option value="light">{t('settings_view_theme_light')}</option>
          <option value="dark">{t('settings_view_theme_dark')}</option>
        </select>
      </label>
      <AutoStart model={model} />
      <CustomPrompts model={model} />
      <PromptPresets model={prompts} />
      <ParametersFields model={prompts} installed={installed} selected={selected} />
      {error && (
        <p id="settings-error" class="field-error" role="alert">
          {error}
        </p>
      )}
      {model.saved.value && !prompts.error.value && <p class="field-ok">{t('settings_view_saved')}</p>}
      <div class="settings-actions">
        <button type="submit" class="button">
          {t('settings_view_save')}
        </button>
        <button type="button" class="button button-secondary" onClick={onClose}>
          {t('settings_view_back')}
        </button>
      </div>
      <p class="hint">
        <SlottedText text={t('settings_view_origins_hint', SLOT)} parts={[<code key="c">OLLAMA_ORIGINS=chrome-extension://*,moz-extension://*</code>]} />
      </p>
      <ShortcutsHelp sendKey={model.sendKey.value} />
    </form>
  );
}
