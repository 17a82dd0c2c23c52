import type { SendKey } from '../lib/settings';
import type { SettingsModel } from './state/settings';

const CHOICES: { value: SendKey; label: string }[] = [
  { value: 'enter', label: 'Enter (Shift+Enter for a new line)' },
  { value: 'ctrl-enter', label: 'Ctrl+Enter (Enter for a new line)' },
];

/** Settings: which key sends from the message box. */
export function SendKeyField({ model }: { model: SettingsModel }) {
  return (
    <label class="field" htmlFor="send-key">
      <span>Send with</span>
      <select id="send-key" value={model.sendKey.value} onChange={(e) => model.setSendKey(e.currentTarget.value as SendKey)}>
        {CHOICES.map((c) => (
          <option key={c.value} value={c.value}>
            {c.label}
          </option>
        ))}
      </select>
    </label>
  );
}
