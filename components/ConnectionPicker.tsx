import { t } from '../lib/i18n';
import type { ActiveConnectionModel } from './state/active-connection';

/** Shown once there is a choice: with one connection the header stays as it was. */
export function ConnectionPicker({ server }: { server: ActiveConnectionModel }) {
  const choices = server.choices.value;
  if (choices.length < 2) return null;
  return (
    <select
      class="model-picker connection-picker"
      aria-label={t('connection_picker_label')}
      value={server.active.value}
      onChange={(e) => server.choose(e.currentTarget.value)}
    >
      {choices.map((c) => (
        <option key={c.id} value={c.id}>
          {c.name}
        </option>
      ))}
    </select>
  );
}
