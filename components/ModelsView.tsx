import './models.css';
import { useState } from 'preact/hooks';
import { t } from '../lib/i18n';
import { ModelItem } from './ModelItem';
import { PullProgressView } from './PullProgressView';
import type { ModelsModel } from './state/models';
import { useFocusOnOpen } from './useFocusOnOpen';

/** The Models view: pull a model, see what is installed and in memory, unload or delete. */
export function ModelsView({ models }: { models: ModelsModel }) {
  const [name, setName] = useState('');
  const focus = useFocusOnOpen<HTMLInputElement>('Models');
  const installed = models.installed.value;
  const loaded = models.loaded.value;
  const notice = models.notice.value;
  return (
    <section class="models" aria-label={t('models_view_label')} ref={focus.root}>
      <form
        class="pull-form"
        onSubmit={(e) => {
          e.preventDefault();
          models.pull(name);
        }}
      >
        <input
          ref={focus.first}
          type="text"
          aria-label={t('models_view_pull_name')}
          placeholder={t('models_view_pull_example', 'llama3.2:1b')}
          value={name}
          onInput={(e) => setName(e.currentTarget.value)}
        />
        <button type="submit" class="button" disabled={name.trim() === ''}>
          {t('models_view_pull')}
        </button>
      </form>
      {models.pulls.value.map((p) => (
        <PullProgressView key={p.name} pull={p} onCancel={() => models.cancel(p.name)} />
      ))}
      {notice && (
        <p class={`notice notice-${notice.kind}`} role={notice.kind === 'error' ? 'alert' : undefined}>
          {notice.text}
        </p>
      )}
      {models.error.value && (
        <p class="notice notice-error" role="alert">
          {models.error.value}
        </p>
      )}
      {installed?.length === 0 && <p class="empty">{t('models_view_none')}</p>}
      <ul class="model-list" aria-label={t('models_view_installed')}>
        {(installed ?? []).map((m) => (
          <ModelItem key={m.name} model={m} loaded={loaded.find((l) => l.name === m.name)} models={models} />
        ))}
      </ul>
    </section>
  );
}
