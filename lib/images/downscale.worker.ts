/**
 * The panel's image worker (issue 13: a 12-megapixel photo must not freeze the panel): one
 * resize at a time, as lib/images/resize.ts does it. createImageBitmap and OffscreenCanvas work
 * in a module worker of an extension page in Chrome and Firefox ESR alike (tests/e2e/images.e2e.ts).
 */
import type { DownscaleReply, DownscaleRequest } from './protocol';
import { ResizeError, resizeImage } from './resize';

interface WorkerScope {
  onmessage: ((e: MessageEvent<DownscaleRequest>) => void) | null;
  postMessage(msg: DownscaleReply): void;
}
const scope = self as unknown as WorkerScope;

scope.onmessage = (e) => {
  const { id, blob } = e.data;
  resizeImage(blob).then(
    (image) => scope.postMessage({ id, ok: true, image }),
    (err: unknown) =>
      scope.postMessage({
        id,
        ok: false,
        message: err instanceof Error ? err.message : String(err),
        ...(err instanceof ResizeError ? { problem: err.problem } : {}),
      }),
  );
};
