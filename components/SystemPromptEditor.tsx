/** The open conversation's own system prompt, with a preset picker; loaded on first use. */
import './system-prompt.css';
import type { SystemPromptModel } from './state/system-prompt';
import { useFocusOnOpen } from './useFocusOnOpen';

export function SystemPromptEditor({ model }: { model: SystemPromptModel }) {
  const presets = model.presets.value;
  const fallback = model.fallback.value;
  const focus = useFocusOnOpen<HTMLTextAreaElement, HTMLElement>('System prompt');
  return (
    <section ref={focus.root} class="system-prompt" id="system-prompt-editor" aria-label="System prompt for this conversation">
      <label class="field" htmlFor="conversation-system">
        <span>System prompt for this conversation</span>
        <textarea
          ref={focus.first}
          id="conversation-system"
          rows={3}
          value={model.text.value}
          placeholder={fallback ? `Default: ${fallback}` : 'None'}
          aria-describedby="conversation-system-hint"
          onInput={(e) => model.set(e.currentTarget.value)}
        />
      </label>
      <span class="hint" id="conversation-system-hint">
        Sent with the next message and saved with the conversation. Empty: the default from Settings.
      </span>
      {presets.length > 0 && (
        <label class="field" htmlFor="use-preset">
          <span>Use preset</span>
          <select
            id="use-preset"
            value=""
            onChange={(e) => {
              model.usePreset(e.currentTarget.value);
              e.currentTarget.value = '';
            }}
          >
            <option value="">Pick a preset…</option>
            {presets.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </label>
      )}
      <button type="button" class="button button-secondary" onClick={() => model.toggle()}>
        Done
      </button>
    </section>
  );
}
