import { t } from '../lib/i18n';
import { insecureWarning } from '../lib/settings';
import type { ConnectionsModel } from './state/connections';

/**
 * Settings' list of Ollama servers. Header values are credentials: never shown, typed into a
 * password field. Every button here is type="button": the section lives inside Settings' form,
 * whose submit is the main Save.
 */
export function ConnectionsSettings({ model }: { model: ConnectionsModel }) {
  const list = model.list.value;
  const draft = model.draft.value;
  const error = model.error.value;
  return (
    <section class="connections" aria-labelledby="connections-heading">
      <h3 id="connections-heading">{t('connections_settings_heading')}</h3>
      <p class="hint">{t('connections_settings_hint')}</p>
      <ul class="connection-list">
        {list.map((c) => (
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
            {list.length > 1 && (
              <button type="button" class="link-button" aria-label={t('connections_settings_remove_named', c.name)} onClick={() => void model.remove(c.id)}>
                {t('connections_settings_remove')}
              </button>
            )}
          </li>
        ))}
      </ul>
      {draft ? (
        <fieldset class="connection-form">
          <legend>{t('connections_settings_new')}</legend>
          <label class="field">
            <span>{t('connections_settings_name')}</span>
            <input type="text" value={draft.name} onInput={(e) => model.edit({ name: e.currentTarget.value })} />
          </label>
          <label class="field">
            <span>{t('connections_settings_url')}</span>
            <input
              type="text"
              inputMode="url"
              spellcheck={false}
              placeholder="http://192.168.1.20:11434"
              value={draft.url}
              onInput={(e) => model.edit({ url: e.currentTarget.value })}
            />
          </label>
          {model.warning.value && (
            <p class="field-warning" aria-live="polite">
              {model.warning.value}
            </p>
          )}
          {draft.headers.map((h, i) => (
            <div key={i} class="header-row-field">
              <input
                type="text"
                aria-label={t('connections_settings_header_name', i + 1)}
                spellcheck={false}
                value={h.name}
                onInput={(e) => model.editHeader(i, { name: e.currentTarget.value })}
              />
              <input
                type="password"
                aria-label={h.name.trim() ? t('connections_settings_header_value', h.name.trim()) : t('connections_settings_header_n_value', i + 1)}
                autocomplete="off"
                placeholder={h.name.trim().toLowerCase() === 'authorization' ? 'Bearer …' : ''}
                value={h.value}
                onInput={(e) => model.editHeader(i, { value: e.currentTarget.value })}
              />
              <button type="button" class="link-button" aria-label={t('connections_settings_remove_header', i + 1)} onClick={() => model.removeHeader(i)}>
                {t('connections_settings_remove')}
              </button>
            </div>
          ))}
          <button type="button" class="button button-secondary" onClick={() => model.addHeader()}>
            {t('connections_settings_add_header')}
          </button>
          {error && (
            <p class="field-error" role="alert">
              {error}
            </p>
          )}
          <div class="settings-actions">
            {/* Straight from the click: a server on another machine asks for its host permission. */}
            <button type="button" class="button" onClick={() => void model.add()}>
              {t('connections_settings_save')}
            </button>
            <button type="button" class="button button-secondary" onClick={() => model.cancel()}>
              {t('connections_settings_cancel')}
            </button>
          </div>
        </fieldset>
      ) : (
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
