/**
 * The empty chat: the seed's invitation, or a guide to what is missing first (components/
 * WelcomeGuide.tsx, loaded when the first status arrives: the panel's first load has a budget).
 */
import type { ReadonlySignal } from '@preact/signals';
import { t } from '../lib/i18n';
import { lazyView } from './LazyView';
import type { WelcomeStep } from './state/welcome';
// Type-only: erased, so the guide still loads lazily (and it needs nothing from this file).
import type { WelcomeProps } from './WelcomeGuide';

const Guide = lazyView(() => import('./WelcomeGuide').then((m) => m.WelcomeGuide), 'The welcome guide');

/** Reads the step here, so a status change re-renders only the welcome. */
export function Welcome({ welcome, ...rest }: Omit<WelcomeProps, 'step'> & { welcome: ReadonlySignal<WelcomeStep> }) {
  const props = { ...rest, step: welcome.value };
  const { kind } = props.step;
  return (
    <section class="welcome" aria-label={t('welcome_label')}>
      {/* While Ollama is missing something, there is nothing to invite to yet. */}
      {(kind === 'checking' || kind === 'ready') && <p class="empty">{t('welcome_start')}</p>}
      {kind === 'checking' ? <p class="hint">{t('welcome_checking')}</p> : <Guide {...props} />}
    </section>
  );
}
