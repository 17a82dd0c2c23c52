/** The History view, with the list's items and the import's progress, loaded when it first opens. */
import { t } from '../lib/i18n';
import { lazyView } from './LazyView';

export const HistoryLoader = lazyView(() => import('./HistoryView').then((m) => m.HistoryView), t('history_loader_view'));
