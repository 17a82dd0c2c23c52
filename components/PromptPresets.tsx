import type { PromptSettingsModel } from './state/prompt-settings';

/** The default system prompt, and the named presets a conversation can pick from its header. */
export function PromptPresets({ model }: { model: PromptSettingsModel }) {
  const presets = model.presets.value;
  return (
    <fieldset class="field">
      <legend>System prompts</legend>
      <label class="field">
        <span>System prompt</span>
        <textarea rows={3} value={model.systemPrompt.value} onInput={(e) => model.setSystemPrompt(e.currentTarget.value)} />
        <span class="hint">Sent first in every conversation that has none of its own. Empty: none.</span>
      </label>
      {presets.map((p, i) => (
        <div class="prompt-row" key={p.id}>
          <input
            aria-label={`Preset ${i + 1} name`}
            placeholder="Preset name"
            value={p.name}
            onInput={(e) => model.updatePreset(i, { name: e.currentTarget.value })}
          />
          <textarea aria-label={`Preset ${i + 1} text`} rows={2} value={p.text} onInput={(e) => model.updatePreset(i, { text: e.currentTarget.value })} />
          <button type="button" class="link-button" onClick={() => model.removePreset(i)}>
            Delete preset {i + 1}
          </button>
        </div>
      ))}
      <button type="button" class="button button-secondary" onClick={() => model.addPreset()}>
        Add preset
      </button>
    </fieldset>
  );
}
