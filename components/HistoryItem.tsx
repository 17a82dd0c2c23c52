import { useEffect, useRef, useState } from 'preact/hooks';
import type { ConversationSummary } from '../lib/history/summary';
import { t } from '../lib/i18n';
import { relativeTime } from './relative-time';
import type { HistoryModel } from './state/history';

interface Props {
  conversation: ConversationSummary;
  history: HistoryModel;
  current: boolean;
  onOpen(id: string): void;
  onExport(id: string, format: 'json' | 'md'): void;
}

export function HistoryItem({ conversation: c, history, current, onOpen, onExport }: Props) {
  const [renaming, setRenaming] = useState(false);
  const [name, setName] = useState(c.title);
  // Leaving the rename form puts focus back on the item's menu button, not on the page.
  const menuButton = useRef<HTMLElement>(null);
  const [refocus, setRefocus] = useState(false);
  useEffect(() => {
    if (!refocus || renaming) return;
    menuButton.current?.focus();
    setRefocus(false);
  }, [refocus, renaming]);
  const stopRenaming = () => {
    setRenaming(false);
    setRefocus(true);
  };

  if (renaming)
    return (
      <li class="history-item">
        <form
          class="rename"
          onSubmit={(e) => {
            e.preventDefault();
            history.rename(c.id, name);
            stopRenaming();
          }}
          onKeyDown={(e) => {
            // Esc cancels the rename (not the whole History view).
            if (e.key !== 'Escape') return;
            e.preventDefault();
            e.stopPropagation();
            stopRenaming();
          }}
        >
          <input aria-label={t('history_item_name')} value={name} onInput={(e) => setName(e.currentTarget.value)} />
          <button type="submit" class="button">
            {t('history_item_save_name')}
          </button>
          <button type="button" class="button button-secondary" onClick={stopRenaming}>
            {t('history_item_cancel')}
          </button>
        </form>
      </li>
    );

  return (
    <li class={`history-item${current ? ' history-current' : ''}`}>
      <button type="button" class="history-open" onClick={() => onOpen(c.id)} aria-current={current ? 'true' : undefined}>
        <span class="history-title">{c.title}</span>
        <span class="history-meta">
          {c.model} · {relativeTime(c.updated_at)}
        </span>
      </button>
      <details
        class="history-menu"
        onKeyDown={(e) => {
          // Esc closes the open menu and gives focus back to its button, like any menu.
          const menu = e.currentTarget;
          if (e.key !== 'Escape' || !menu.open) return;
          e.preventDefault();
          e.stopPropagation();
          menu.open = false;
          menu.querySelector('summary')?.focus();
        }}
      >
        <summary ref={menuButton} aria-label={t('history_item_actions', c.title)}>
          ⋯
        </summary>
        <div class="history-actions">
          <button type="button" onClick={() => setRenaming(true)}>
            {t('history_item_rename')}
          </button>
          <button type="button" onClick={() => onExport(c.id, 'json')}>
            {t('history_item_export_json')}
          </button>
          <button type="button" onClick={() => onExport(c.id, 'md')}>
            {t('history_item_export_markdown')}
          </button>
          <button type="button" class="danger" onClick={() => history.remove(c.id)}>
            {t('history_item_delete')}
          </button>
        </div>
      </details>
    </li>
  );
}
