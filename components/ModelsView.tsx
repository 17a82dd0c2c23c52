import './models.css';
import { useState } from 'preact/hooks';
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
    <section class="models" aria-label="Models" ref={focus.root}>
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
          aria-label="Model to pull"
          placeholder="e.g. llama3.2:1b"
          value={name}
          onInput={(e) => setName(e.currentTarget.value)}
        />
        <button type="submit" class="button" disabled={name.trim() === ''}>
          Pull model
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
      {installed?.length === 0 && <p class="empty">No model installed yet.</p>}
      <ul class="model-list" aria-label="Installed models">
        {(installed ?? []).map((m) => (
          <ModelItem key={m.name} model={m} loaded={loaded.find((l) => l.name === m.name)} models={models} />
        ))}
      </ul>
    </section>
  );
}
