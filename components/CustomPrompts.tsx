import type { SettingsModel } from './state/settings';

/** The user's own context-menu prompts; `{selection}` marks where the selected text goes. */
export function CustomPrompts({ model }: { model: SettingsModel }) {
  const prompts = model.customPrompts.value;
  return (
    <fieldset class="field">
      <legend>Custom prompts (context menu)</legend>
      {prompts.map((p, i) => (
        <div class="prompt-row" key={p.id}>
          <input
            aria-label={`Prompt ${i + 1} name`}
            placeholder="Name shown in the menu"
            value={p.title}
            onInput={(e) => model.updatePrompt(i, { title: e.currentTarget.value })}
          />
          <textarea
            aria-label={`Prompt ${i + 1} template`}
            rows={2}
            value={p.template}
            onInput={(e) => model.updatePrompt(i, { template: e.currentTarget.value })}
          />
          <button type="button" class="link-button" onClick={() => model.removePrompt(i)}>
            Remove prompt {i + 1}
          </button>
        </div>
      ))}
      <button type="button" class="button button-secondary" onClick={() => model.addPrompt()}>
        Add prompt
      </button>
      <span class="hint">Use {'{selection}'} where the selected text goes.</span>
    </fieldset>
  );
}
