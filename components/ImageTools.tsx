import { useRef } from 'preact/hooks';
import { captureTab } from '../lib/images/screenshot';
import type { ImagesModel } from './state/images';

/** Which model can see images, when the selected one cannot; buttons switch the picker. */
function VisionNote({ images }: { images: ImagesModel }) {
  const v = images.vision.value;
  if (!v) return null;
  return (
    <div class="vision-note" role="alert">
      {v.model} cannot see images: it would answer without them.{' '}
      {v.offers.length ? 'Installed models that can: ' : 'No installed model can; pull one in Models (for example gemma3 or llava).'}
      {v.offers.map((name) => (
        <button key={name} type="button" class="link-button" onClick={() => images.useModel(name)}>
          Use {name}
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
      (blob) => images.add(blob, `Screenshot ${new Date().toLocaleTimeString()}`),
      (e: unknown) => images.fail(e instanceof Error ? e.message : String(e)),
    );
  };
  return (
    <>
      <button type="button" class="link-button" onClick={() => input.current?.click()}>
        Attach image
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
        Screenshot
      </button>
      <span class="image-pending" aria-live="polite">
        {pending > 0 ? 'Preparing image…' : ''}
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
