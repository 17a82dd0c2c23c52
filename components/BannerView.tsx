import type { BannerModel } from './state/banner';

export function BannerView({ banner }: { banner: BannerModel }) {
  const b = banner.current.value;
  if (!b) return null;
  return (
    <div class={`banner banner-${b.kind}`} role="alert">
      <span class="banner-text">{b.text}</span>
      <button type="button" class="banner-close" aria-label="Dismiss" onClick={() => banner.clear()}>
        ×
      </button>
    </div>
  );
}
