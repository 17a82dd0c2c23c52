/**
 * Decodes, downscales and re-encodes one image: the longest side to 1,568 px, JPEG, or PNG when
 * it has transparency. Runs where createImageBitmap and OffscreenCanvas exist off the panel's
 * thread: the panel's worker (lib/images/downscale.worker.ts) and the background (an image from
 * the context menu).
 */
import { fitWithin, hasAlpha, JPEG_QUALITY, MAX_INPUT_PIXELS, mayHaveAlpha, toBase64 } from './fit';
import type { Downscaled } from './protocol';
import type { ResizeProblem } from './resize-problems';

/** A resize that failed, said as a problem (words need browser.i18n, which a worker lacks). */
export class ResizeError extends Error {
  override name = 'ResizeError';
  constructor(readonly problem: ResizeProblem) {
    super(`resize failed: ${problem.code}`);
  }
}

export async function resizeImage(blob: Blob): Promise<Downscaled> {
  const bitmap = await createImageBitmap(blob).catch(() => {
    throw new ResizeError({ code: 'unreadable' });
  });
  const original = { width: bitmap.width, height: bitmap.height };
  if (original.width * original.height > MAX_INPUT_PIXELS) {
    bitmap.close();
    throw new ResizeError({ code: 'too-large', ...original });
  }
  const size = fitWithin(original.width, original.height);
  const canvas = new OffscreenCanvas(size.width, size.height);
  // CPU-backed: the pixels are read back anyway (the alpha check, the encode).
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  if (!ctx) throw new ResizeError({ code: 'no-canvas' });
  ctx.imageSmoothingQuality = 'high';
  ctx.drawImage(bitmap, 0, 0, size.width, size.height);
  bitmap.close();
  const lossless = mayHaveAlpha(blob.type) && hasAlpha(ctx.getImageData(0, 0, size.width, size.height).data);
  const out = await canvas.convertToBlob(lossless ? { type: 'image/png' } : { type: 'image/jpeg', quality: JPEG_QUALITY });
  const data = toBase64(new Uint8Array(await out.arrayBuffer()));
  return { mime: out.type, data, ...size, originalWidth: original.width, originalHeight: original.height };
}
