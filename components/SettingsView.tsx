import './settings.css';
import type { Theme } from '../lib/settings';
import { AutoStart } from './AutoStart';
import { ConnectionsSettings } from './ConnectionsSettings';
import { CustomPrompts } from './CustomPrompts';
import { ParametersFields } from './ParametersFields';
import { PromptPresets } from './PromptPresets';
import { SendKeyField } from './SendKeyField';
import { ShortcutsHelp } from './ShortcutsHelp';
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
      aria-label="Settings"
      onSubmit={(e) => {
        e.preventDefault();
        // The main save first, straight from the click: its permission request needs the gesture.
        void model.save().then((ok) => ok && prompts.save());
      }}
    >
      <h2>Settings</h2>
      <label class="field">
        <span>Ollama URL</span>
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
        <span>Default model</span>
        {installed.length > 0 ? (
          // Pick from what Ollama has; a saved name it lacks stays listed, marked, not silently lost.
          <select id="default-model" value={model.defaultModel.value} onChange={(e) => model.setDefaultModel(e.currentTarget.value)}>
            {!installed.includes(model.defaultModel.value) && <option value={model.defaultModel.value}>{model.defaultModel.value} (not installed)</option>}
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
        <span>Selection limit (characters)</span>
        <input type="number" min={100} step={100} value={model.selectionLimit.value} onInput={(e) => model.setSelectionLimit(e.currentTarget.value)} />
      </label>
      <SendKeyField model={model} />
      <label class="field" htmlFor="theme">
        <span>Theme</span>
        <select id="theme" value={model.theme.value} onChange={(e) => model.setTheme(e.currentTarget.value as Theme)}>
          <option value="system">System</option>
          <option value="light">Light</option>
          <option value="dark">Dark</option>
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
      {model.saved.value && !prompts.error.value && <p class="field-ok">Saved.</p>}
      <div class="settings-actions">
        <button type="submit" class="button">
          Save
        </button>
        <button type="button" class="button button-secondary" onClick={onClose}>
          Back to chat
        </button>
      </div>
      <p class="hint">
        If chat fails with 403, start Ollama with <code>OLLAMA_ORIGINS=chrome-extension://*,moz-extension://*</code>.
      </p>
      <ShortcutsHelp sendKey={model.sendKey.value} />
    </form>
  );
}
