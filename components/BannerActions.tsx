/** A banner's buttons, loaded with the first banner that offers some (the panel's first load has a budget). */
import { t } from '../lib/i18n';
import { CopyCommand } from './CopyCommand';
import type { BannerAction } from './state/banner-actions';

const LABEL = { start: 'banner_actions_start', retry: 'banner_actions_retry' } as const;

export function BannerActions({ actions, act }: { actions: readonly BannerAction[]; act: (a: BannerAction) => void }) {
  return (
    <span class="banner-actions">
      {actions.map((a) =>
        a.kind === 'copy' ? (
          <CopyCommand key="copy" command={a.command} />
        ) : (
          <button key={a.kind} type="button" class="action" onClick={() => act(a)}>
            {t(LABEL[a.kind])}
          </button>
        ),
      )}
    </span>
  );
}
