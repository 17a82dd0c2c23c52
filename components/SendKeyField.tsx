import { type MessageKey, t } from '../lib/i18n';
import type { SendKey } from '../lib/settings';
import type { SettingsModel } from './state/settings';

const CHOICES: { value: SendKey; label: MessageKey }[] = [
  { value: 'enter', label: 'send_key_field_enter' },
  { value: 'ctrl-enter', label: 'send_key_field_ctrl_enter' },
];

/** Settings: which key sends from the message box. */
export function SendKeyField({ model }: { model: SettingsModel }) {
  return (
    <label class="field" htmlFor="send-key">
      <span>{t('send_key_field_label')}</span>
      <select id="send-key" value={model.sendKey.value} onChange={(e) => model.setSendKey(e.currentTarget.value as SendKey)}>
        {CHOICES.map((c) => (
          <option key={c.value} value={c.value}>
            {t(c.label)}
          </option>
        ))}
      </select>
    </label>
  );
}
