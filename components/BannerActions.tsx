/** A banner's buttons, loaded with the first banner that offers some (the panel's first load has a budget). */
import { CopyCommand } from './CopyCommand';
import type { BannerAction } from './state/banner-actions';

const LABEL = { start: 'Start Ollama', retry: 'Retry' } as const;

export function BannerActions({ actions, act }: { actions: readonly BannerAction[]; act: (a: BannerAction) => void }) {
  return (
    <span class="banner-actions">
      {actions.map((a) =>
        a.kind === 'copy' ? (
          <CopyCommand key="copy" command={a.command} />
        ) : (
          <button key={a.kind} type="button" class="action" onClick={() => act(a)}>
            {LABEL[a.kind]}
          </button>
        ),
      )}
    </span>
  );
}
