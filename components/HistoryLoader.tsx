/** The History view, with the list's items and the import's progress, loaded when it first opens. */
import { lazyView } from './LazyView';

export const HistoryLoader = lazyView(() => import('./HistoryView').then((m) => m.HistoryView), 'History');
