/** The conversation's system-prompt editor, loaded when it first opens. */
import { lazyView } from './LazyView';

export const SystemPromptLoader = lazyView(() => import('./SystemPromptEditor').then((m) => m.SystemPromptEditor), 'The system prompt editor');
