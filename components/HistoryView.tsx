import './history.css';
import { useState } from 'preact/hooks';
import type { Conversation } from '../lib/conversations/contract';
import { cachedFormat, t, tn } from '../lib/i18n';
import { downloadText } from './download';
import { HistoryItem } from './HistoryItem';
import { ImportButton, ImportProgress } from './ImportView';
import type { HistoryModel } from './state/history';
import { focusLastMessage, useFocusOnOpen } from './useFocusOnOpen';

// Counts here have always been written without grouping ("Search 3000 conversations"): the
// digits follow the language, the English text stays as it was.
const plain = (n: number) => cachedFormat('history-count', (l) => new Intl.NumberFormat(l, { useGrouping: false })).format(n);

// Long lists render in pages: the first screenfuls paint at once, the rest on demand.
const PAGE = 100;

interface Props {
  history: HistoryModel;
  currentId: string | null;
  /** Shows the conversation in the chat; settles once it is on screen (or could not be). */
  onOpen(id: string): Promise<void>;
  fetch(id: string): Promise<Conversation | null>;
}

export function HistoryView({ history, currentId, onOpen, fetch }: Props) {
  const exportOne = async (id: string, format: 'json' | 'md') => {
    const c = await fetch(id);
    if (!c) return;
    const file = await history.exportFile(format, c).catch(() => null); // shown as the notice
    if (file) downloadText(file.name, file.text, format === 'json' ? 'application/json' : 'text/markdown');
  };
  const [shown, setShown] = useState(PAGE);
  const results = history.results.value;
  const notice = history.notice.value;
  const deleted = history.deleted.value;
  const total = history.all.value.length;
  const focus = useFocusOnOpen<HTMLInputElement>('History');
  const open = async (id: string) => {
    focus.leaving(true);
    await onOpen(id);
    if (!focusLastMessage()) focus.leaving(false);
  };

  return (
    <section class="history" aria-label={t('history_view_label')} ref={focus.root}>
      <div class="history-tools">
        <input
          ref={focus.first}
          type="search"
          aria-label={t('history_view_search')}
          placeholder={tn('history_view_search_placeholder', total, plain(total))}
          value={history.query.value}
          onInput={(e) => history.setQuery(e.currentTarget.value)}
        />
        <ImportButton history={history} />
        <button
          type="button"
          class="button button-secondary"
          disabled={total === 0}
          onClick={async () => {
            const file = await history.exportAllFile().catch(() => null); // shown as the notice
            if (file) downloadText(file.name, file.text, 'application/json');
          }}
        >
          {t('history_view_export_all')}
        </button>
      </div>
      <ImportProgress history={history} />
      {notice && (
        <p class={`notice notice-${notice.kind}`} role={notice.kind === 'error' ? 'alert' : undefined}>
          {notice.text}{' '}
          <button type="button" class="link-button" onClick={() => history.dismissNotice()}>
            {t('history_view_dismiss')}
          </button>
        </p>
      )}
      {deleted && (
        <p class="notice notice-info">
          {t('history_view_deleted', deleted.title)}{' '}
          <button type="button" class="link-button" onClick={() => history.undoDelete()}>
            {t('history_view_undo')}
          </button>
        </p>
      )}
      {history.loaded.value && results.length === 0 && <p class="empty">{total === 0 ? t('history_view_empty') : t('history_view_no_match')}</p>}
      <ul class="history-list">
        {results.slice(0, shown).map((c) => (
          <HistoryItem key={c.id} conversation={c} history={history} current={c.id === currentId} onOpen={(id) => void open(id)} onExport={exportOne} />
        ))}
      </ul>
      {results.length > shown && (
        <button type="button" class="button button-secondary show-more" onClick={() => setShown(shown + PAGE)}>
          {tn('history_view_show_more', results.length - shown, plain(results.length - shown))}
        </button>
      )}
    </section>
  );
}
