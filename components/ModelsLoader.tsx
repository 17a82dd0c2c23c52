/** The Models view, loaded when it first opens (not needed for the panel's first paint). */
import { lazyView } from './LazyView';

export const ModelsLoader = lazyView(() => import('./ModelsView').then((m) => m.ModelsView), 'Models');
