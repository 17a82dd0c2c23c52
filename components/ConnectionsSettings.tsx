import { useEffect, useRef } from 'preact/hooks';
import { t } from '../lib/i18n';
import { insecureWarning } from '../lib/settings';
import { ConnectionForm } from './ConnectionForm';
import type { ConnectionsModel } from './state/connections';

/**
 * Settings' list of Ollama servers. Header values are credentials: never listed (the form keeps
 * them masked). Every button here is type="button": the section lives inside Settings' form,
 * whose submit is the main Save. A row being edited shows the form in its place.
 */
export function ConnectionsSettings({ model }: { model: ConnectionsModel }) {
  const list = model.list.value;
  const draft = model.draft.value;
  const error = model.error.value;
  const editing = draft?.editing;
  const root = useRef<HTMLElement>(null);
  const edited = useRef<string | null>(null);
  // The Edit button gives way to the form: when the form closes with focus in it (Save, Cancel),
  // focus goes back to that row's Edit button instead of the page.
  useEffect(() => {
    if (editing) {
      edited.current = editing;
      return;
    }
    const id = edited.current;
    edited.current = null;
    const active = root.current?.ownerDocument.activeElement;
    if (!id || (active && active !== active.ownerDocument.body)) return;
    root.current?.querySelector<HTMLElement>(`[data-edit="${CSS.escape(id)}"]`)?.focus();
  }, [editing]);
  return (
    <section class="connections" aria-labelledby="connections-heading" ref={root}>
      <h3 id="connections-heading">{t('connections_settings_heading')}</h3>
      <p class="hint">{t('connections_settings_hint')}</p>
      <ul class="connection-list">
        {list.map((c) =>
          c.id === editing ? (
            <li key={c.id} class="connection-editing">
              <ConnectionForm model={model} />
            </li>
          ) : (
            <li key={c.id} class="connection-row">
              <span class="connection-name">{c.name}</span>
              <span class="connection-url">{c.baseUrl}</span>
              {c.headers.length > 0 && <span class="connection-meta">{c.headers.map((h) => h.name).join(', ')}</span>}
              {insecureWarning(c.baseUrl) && (
                <span class="connection-meta connection-insecure" title={insecureWarning(c.baseUrl) ?? undefined}>
                  {t('connections_settings_not_encrypted')}
                </span>
              )}
              {c.id === model.defaultId.value ? (
                <span class="chip">{t('connections_settings_default')}</span>
              ) : (
                <button
                  type="button"
                  class="link-button"
                  aria-label={t('connections_settings_make_default_named', c.name)}
                  onClick={() => void model.setDefault(c.id)}
                >
                  {t('connections_settings_make_default')}
                </button>
              )}
              {/* One form at a time: none while another connection is being added or edited. */}
              {!draft && (
                <button
                  type="button"
                  class="link-button"
                  data-edit={c.id}
                  aria-label={t('connections_settings_edit_named', c.name)}
                  onClick={() => model.openEdit(c.id)}
                >
                  {t('connections_settings_edit')}
                </button>
              )}
              {list.length > 1 && (
                <button type="button" class="link-button" aria-label={t('connections_settings_remove_named', c.name)} onClick={() => void model.remove(c.id)}>
                  {t('connections_settings_remove')}
                </button>
              )}
            </li>
          ),
        )}
      </ul>
      {/* Adding; or editing one that another panel's change took out of the list. */}
      {draft && !list.some((c) => c.id === editing) && <ConnectionForm model={model} />}
      {draft ? null : (
        <>
          {error && (
            <p class="field-error" role="alert">
              {error}
            </p>
          )}
          <button type="button" class="button button-secondary" onClick={() => model.open()}>
            {t('connections_settings_add')}
          </button>
        </>
      )}
      {/* Not .field-ok: that is Settings' own "Saved.", which this section's saves are not. */}
      <p class="connection-done" aria-live="polite">
        {model.done.value}
      </p>
    </section>
  );
}
