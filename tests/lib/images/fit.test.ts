import { describe, expect, it } from 'vitest';
import { fitWithin, hasAlpha, MAX_SIDE, mayHaveAlpha, toBase64 } from '../../../lib/images/fit';

describe('fitWithin', () => {
  it('brings the longest side to 1568 px, keeping the aspect ratio', () => {
    expect(fitWithin(4000, 3000)).toEqual({ width: MAX_SIDE, height: 1176 });
    expect(fitWithin(3000, 4000)).toEqual({ width: 1176, height: MAX_SIDE });
    expect(fitWithin(8000, 10)).toEqual({ width: MAX_SIDE, height: 2 });
  });

  it('never upscales, and never reaches 0', () => {
    expect(fitWithin(800, 600)).toEqual({ width: 800, height: 600 });
    expect(fitWithin(100_000, 1)).toEqual({ width: MAX_SIDE, height: 1 });
  });
});

describe('alpha', () => {
  it('only PNG, WebP and GIF may be transparent', () => {
    expect(['image/png', 'image/webp', 'image/gif'].every(mayHaveAlpha)).toBe(true);
    expect(mayHaveAlpha('image/jpeg')).toBe(false);
  });

  it('finds one pixel that is not opaque', () => {
    expect(hasAlpha(new Uint8ClampedArray([1, 2, 3, 255, 4, 5, 6, 255]))).toBe(false);
    expect(hasAlpha(new Uint8ClampedArray([1, 2, 3, 255, 4, 5, 6, 254]))).toBe(true);
  });
});

describe('toBase64', () => {
  it('matches Node for inputs larger than one slice', () => {
    const bytes = Uint8Array.from({ length: 100_003 }, (_, i) => (i * 31) & 255);
    expect(toBase64(bytes)).toBe(Buffer.from(bytes).toString('base64'));
  });
});
