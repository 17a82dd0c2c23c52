// The simulator (Node) stamps when a token leaves, the page stamps when it shows; both read
// performance.timeOrigin + performance.now(). On one machine both should be the same wall-clock
// based time, but each process fixes its timeOrigin on its own, so we check rather than assume.

export const nodeNow = () => performance.timeOrigin + performance.now();

/**
 * Round trips to the page; the one with the smallest round trip bounds the offset best:
 * page − node = pageT − midpoint, known to within ± rtt/2.
 * @param {import('puppeteer').Page} page
 * @param {number} [samples]
 * @returns {Promise<{ offsetMs: number, boundMs: number }>}
 */
export async function measureClock(page, samples = 15) {
  let best = { offsetMs: Number.NaN, boundMs: Number.POSITIVE_INFINITY };
  for (let i = 0; i < samples; i++) {
    const t0 = nodeNow();
    const pageT = await page.evaluate(() => performance.timeOrigin + performance.now());
    const t1 = nodeNow();
    if ((t1 - t0) / 2 < best.boundMs) best = { offsetMs: pageT - (t0 + t1) / 2, boundMs: (t1 - t0) / 2 };
  }
  return best;
}
