import { useRef } from 'preact/hooks';
import { cachedFormat, t } from '../lib/i18n';
import { captureTab } from '../lib/images/screenshot';
import type { ImagesModel } from './state/images';

// The time that names a screenshot, as the user's language writes a clock time.
const clockTime = (d: Date) => cachedFormat('image-tools-time', (l) => new Intl.DateTimeFormat(l, { timeStyle: 'medium' })).format(d);

/** Which model can see images, when the selected one cannot; buttons switch the picker. */
function VisionNote({ images }: { images: ImagesModel }) {
  const v = images.vision.value;
  if (!v) return null;
  return (
    <div class="vision-note" role="alert">
      {t('image_tools_blind', v.model)} {v.offers.length ? `${t('image_tools_offers')} ` : t('image_tools_none')}
      {v.offers.map((name) => (
        <button key={name} type="button" class="link-button" onClick={() => images.useModel(name)}>
          {t('image_tools_use', name)}
        </button>
      ))}
    </div>
  );
}

/** "Attach image" and "Screenshot": each image becomes a chip once downscaled (components/state/images.ts). */
export function ImageTools({ images }: { images: ImagesModel }) {
  const input = useRef<HTMLInputElement>(null);
  const pending = images.pending.value;
  const error = images.error.value;
  const shoot = () => {
    captureTab().then(
      (blob) => images.add(blob, t('image_tools_screenshot_name', clockTime(new Date()))),
      (e: unknown) => images.fail(e instanceof Error ? e.message : String(e)),
    );
  };
  return (
    <>
      <button type="button" class="link-button" onClick={() => input.current?.click()}>
        {t('image_tools_attach')}
      </button>
      <input
        ref={input}
        type="file"
        class="visually-hidden"
        accept="image/png,image/jpeg,image/webp,image/gif"
        multiple
        tabIndex={-1}
        aria-hidden="true"
        onChange={(e) => {
          images.addFiles(e.currentTarget.files ?? []);
          e.currentTarget.value = '';
        }}
      />
      <button type="button" class="link-button" onClick={shoot}>
        {t('image_tools_screenshot')}
      </button>
      <span class="image-pending" aria-live="polite">
        {pending > 0 ? t('image_tools_preparing') : ''}
      </span>
      {error && (
        <p class="image-error" role="alert">
          {error}
        </p>
      )}
      <VisionNote images={images} />
    </>
  );
}
