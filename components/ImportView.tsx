/**
 * The import's two pieces of the History view: the file picker and, while an import runs, its
 * progress with Cancel. Each reads the import's signal itself, so a progress update re-renders
 * these and not the list (a list re-render per acknowledged batch made the panel janky).
 */
import { t } from '../lib/i18n';
import type { HistoryModel } from './state/history';

export function ImportButton({ history }: { history: HistoryModel }) {
  return (
    <label class="button button-secondary file-button">
      {t('import_view_import')}
      <input
        type="file"
        accept="application/json,.json"
        aria-label={t('import_view_label')}
        disabled={history.importing.value !== null}
        onChange={(e) => {
          const file = e.currentTarget.files?.[0];
          e.currentTarget.value = '';
          // Read in slices by the import, never whole here; a failure is shown as the history notice.
          if (file) void history.importFile(file).catch(() => {});
        }}
      />
    </label>
  );
}

export function ImportProgress({ history }: { history: HistoryModel }) {
  const p = history.importing.value;
  if (!p) return null;
  return (
    <div class="import-progress" role="status">
      <span>{p.text}</span>
      <progress value={p.fraction ?? undefined} />
      {p.cancellable && (
        <button type="button" class="link-button" onClick={() => history.cancelImport()}>
          {t('import_view_cancel')}
        </button>
      )}
    </div>
  );
}
