import { t } from '../lib/i18n';
import { lazyView } from './LazyView';
import type { BannerAction } from './state/banner-actions';
import type { BannerModel } from './state/banner';

const Actions = lazyView(() => import('./BannerActions').then((m) => m.BannerActions), "The banner's buttons");

/** `act`: runs a banner's action (all but copying, which the button does itself). */
export function BannerView({ banner, act }: { banner: BannerModel; act: (a: BannerAction) => void }) {
  const b = banner.current.value;
  if (!b) return null;
  return (
    <div class={`banner banner-${b.kind}`} role="alert">
      <span class="banner-text">{b.text}</span>
      {b.actions.length > 0 && <Actions actions={b.actions} act={act} />}
      <button type="button" class="banner-close" aria-label={t('banner_view_dismiss')} onClick={() => banner.clear()}>
        ×
      </button>
    </div>
  );
}
