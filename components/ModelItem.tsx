/** One installed model: what it is, whether it is in memory (and until when), Unload and Delete. */
import { formatBytes } from '../lib/pull-progress';
import type { InstalledModel, LoadedModel } from '../lib/protocol-models';
import type { ModelsModel } from './state/models';

const until = (iso: string) => {
  const t = Date.parse(iso);
  // Ollama says year 2318 for "never unload" (keep_alive -1).
  if (Number.isNaN(t) || t > Date.now() + 365 * 86_400_000) return 'until unloaded';
  return `until ${new Date(t).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })}`;
};

export function ModelItem({ model, loaded, models }: { model: InstalledModel; loaded?: LoadedModel; models: ModelsModel }) {
  const facts = [
    formatBytes(model.size),
    model.family,
    model.parameterSize,
    model.quantization,
    model.contextLength ? `context ${model.contextLength.toLocaleString('en-US')}` : null,
  ].filter(Boolean);
  const confirming = models.confirming.value === model.name;
  return (
    <li class="model-item" aria-label={model.name}>
      <p class="model-name">{model.name}</p>
      <p class="model-meta">{facts.join(' · ')}</p>
      {model.capabilities && model.capabilities.length > 0 && <p class="model-meta">Can: {model.capabilities.join(', ')}</p>}
      {loaded && (
        <p class="model-meta model-loaded">
          In memory ({formatBytes(loaded.sizeVram)} on the GPU) {until(loaded.expiresAt)}{' '}
          <button type="button" class="action" aria-label={`Unload ${model.name}`} onClick={() => models.unload(model.name)}>
            Unload
          </button>
        </p>
      )}
      {confirming ? (
        <p class="model-confirm">
          Delete {model.name} from disk?{' '}
          <button type="button" class="action danger" onClick={() => models.confirmDelete()}>
            Delete
          </button>{' '}
          <button type="button" class="action" onClick={() => models.cancelDelete()}>
            Keep
          </button>
        </p>
      ) : (
        <button type="button" class="action" aria-label={`Delete ${model.name}`} onClick={() => models.askDelete(model.name)}>
          Delete…
        </button>
      )}
    </li>
  );
}
