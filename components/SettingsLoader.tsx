/** The Settings view, loaded when it first opens. */
import { lazyView } from './LazyView';

export const SettingsLoader = lazyView(() => import('./SettingsView').then((m) => m.SettingsView), 'Settings');
