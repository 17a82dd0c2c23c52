/** One installed model: what it is, whether it is in memory (and until when), Unload and Delete. */
import { cachedFormat, t } from '../lib/i18n';
import { formatBytes } from '../lib/pull-progress';
import type { InstalledModel, LoadedModel } from '../lib/protocol-models';
import type { ModelsModel } from './state/models';

/** "In memory (… on the GPU) until 10:05", or "until unloaded": each a whole sentence to translate. */
const inMemory = (vram: number, iso: string) => {
  const at = Date.parse(iso);
  // Ollama says year 2318 for "never unload" (keep_alive -1).
  if (Number.isNaN(at) || at > Date.now() + 365 * 86_400_000) return t('model_item_in_memory_kept', formatBytes(vram));
  const time = cachedFormat('model-item-time', (l) => new Intl.DateTimeFormat(l, { hour: '2-digit', minute: '2-digit' }));
  return t('model_item_in_memory_until', formatBytes(vram), time.format(at));
};

export function ModelItem({ model, loaded, models }: { model: InstalledModel; loaded?: LoadedModel; models: ModelsModel }) {
  const facts = [
    formatBytes(model.size),
    model.family,
    model.parameterSize,
    model.quantization,
    model.contextLength ? t('model_item_context', model.contextLength) : null,
  ].filter(Boolean);
  const confirming = models.confirming.value === model.name;
  return (
    <li class="model-item" aria-label={model.name}>
      <p class="model-name">{model.name}</p>
      <p class="model-meta">{facts.join(' · ')}</p>
      {model.capabilities && model.capabilities.length > 0 && <p class="model-meta">{t('model_item_capabilities', model.capabilities.join(', '))}</p>}
      {loaded && (
        <p class="model-meta model-loaded">
          {inMemory(loaded.sizeVram, loaded.expiresAt)}{' '}
          <button type="button" class="action" aria-label={t('model_item_unload_named', model.name)} onClick={() => models.unload(model.name)}>
            {t('model_item_unload')}
          </button>
        </p>
      )}
      {confirming ? (
        <p class="model-confirm">
          {t('model_item_confirm_delete', model.name)}{' '}
          <button type="button" class="action danger" onClick={() => models.confirmDelete()}>
            {t('model_item_delete')}
          </button>{' '}
          <button type="button" class="action" onClick={() => models.cancelDelete()}>
            {t('model_item_keep')}
          </button>
        </p>
      ) : (
        <button type="button" class="action" aria-label={t('model_item_delete_named', model.name)} onClick={() => models.askDelete(model.name)}>
          {t('model_item_delete_ask')}
        </button>
      )}
    </li>
  );
}
