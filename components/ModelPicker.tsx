import { t } from '../lib/i18n';
import type { ConnectionModel } from './state/connection';

/** Hidden when Ollama lists no models (docs/spec/seed-system.md). */
export function ModelPicker({ connection }: { connection: ConnectionModel }) {
  const models = connection.models.value;
  if (models.length === 0) return <div class="model-picker-empty" />;
  return (
    <select
      class="model-picker"
      aria-label={t('model_picker_label')}
      value={connection.selected.value ?? ''}
      onChange={(e) => connection.select(e.currentTarget.value)}
    >
      {models.map((m) => (
        <option key={m.name} value={m.name}>
          {m.parameterSize ? `${m.name} (${m.parameterSize})` : m.name}
        </option>
      ))}
    </select>
  );
}
