/**
 * How big an image is sent. 1,568 px on the longest side is what vision models are trained
 * around (larger is downscaled by the model anyway, at the cost of tokens and upload time).
 */
export const MAX_SIDE = 1568;
/** JPEG at this quality keeps text in screenshots legible at a fraction of PNG's size. */
export const JPEG_QUALITY = 0.85;
/** Larger files are refused before decoding: a decode of more pixels than this could exhaust memory. */
export const MAX_INPUT_BYTES = 40 * 1024 * 1024;
export const MAX_INPUT_PIXELS = 100_000_000;

/** The size within `max` on the longest side, keeping the aspect ratio; never upscaled, never 0. */
export function fitWithin(width: number, height: number, max = MAX_SIDE): { width: number; height: number } {
  const scale = Math.min(1, max / Math.max(width, height));
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

/** Types that can have transparency: kept lossless (PNG) when they do, or JPEG would turn it black. */
export const mayHaveAlpha = (mime: string) => mime === 'image/png' || mime === 'image/webp' || mime === 'image/gif';

/** Whether RGBA pixels have any that is not fully opaque. */
export function hasAlpha(rgba: Uint8ClampedArray): boolean {
  for (let i = 3; i < rgba.length; i += 4) if (rgba[i] !== 255) return true;
  return false;
}

/** Base64 of bytes, in slices: String.fromCharCode takes a limited number of arguments. */
export function toBase64(bytes: Uint8Array): string {
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin);
}
