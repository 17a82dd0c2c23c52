import { useSignal } from '@preact/signals';
import { useEffect, useRef } from 'preact/hooks';
import { t } from '../lib/i18n';
import type { ConnectionsModel } from './state/connections';

/**
 * The add and edit form of a connection (Settings → Connections). Header values are credentials:
 * typed into password fields, shown only while their Show is pressed. Every button is
 * type="button": the form lives inside Settings' form, whose submit is the main Save.
 */
export function ConnectionForm({ model }: { model: ConnectionsModel }) {
  // Which value rows are shown in clear: view state only, forgotten when the form closes.
  const shown = useSignal<ReadonlySet<number>>(new Set());
  const name = useRef<HTMLInputElement>(null);
  const draft = model.draft.value;
  const editing = draft?.editing;
  // The Edit button that opened this form is gone from the page: focus would fall to the body.
  useEffect(() => {
    if (editing) name.current?.focus();
  }, [editing]);
  if (!draft) return null;
  const error = model.error.value;
  const toggle = (i: number) => {
    const next = new Set(shown.peek());
    if (!next.delete(i)) next.add(i);
    shown.value = next;
  };
  const removeHeader = (i: number) => {
    // Rows after it move up one: what was shown stays with its row.
    shown.value = new Set([...shown.peek()].filter((n) => n !== i).map((n) => (n > i ? n - 1 : n)));
    model.removeHeader(i);
  };
  return (
    <fieldset class="connection-form">
      <legend>{draft.editing ? t('connections_settings_edit_legend') : t('connections_settings_new')}</legend>
      <label class="field">
        <span>{t('connections_settings_name')}</span>
        <input ref={name} type="text" value={draft.name} onInput={(e) => model.edit({ name: e.currentTarget.value })} />
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
            // Preact types a password field apart from a text one (no role); a cast lets one field be either.
            type={(shown.value.has(i) ? 'text' : 'password') as 'password'}
            aria-label={h.name.trim() ? t('connections_settings_header_value', h.name.trim()) : t('connections_settings_header_n_value', i + 1)}
            autocomplete="off"
            spellcheck={false}
            placeholder={h.name.trim().toLowerCase() === 'authorization' ? 'Bearer …' : ''}
            value={h.value}
            onInput={(e) => model.editHeader(i, { value: e.currentTarget.value })}
          />
          <button
            type="button"
            class="link-button"
            aria-label={t('connections_settings_show_header', i + 1)}
            aria-pressed={shown.value.has(i)}
            onClick={() => toggle(i)}
          >
            {t('connections_settings_show')}
          </button>
          <button type="button" class="link-button" aria-label={t('connections_settings_remove_header', i + 1)} onClick={() => removeHeader(i)}>
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
        <button type="button" class="button" onClick={() => void (draft.editing ? model.update() : model.add())}>
          {t('connections_settings_save')}
        </button>
        <button type="button" class="button button-secondary" onClick={() => model.cancel()}>
          {t('connections_settings_cancel')}
        </button>
      </div>
    </fieldset>
  );
}
