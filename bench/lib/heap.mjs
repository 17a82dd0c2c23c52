// The JS heap a page keeps alive: garbage collected first, so what is left is what it holds.

/**
 * Bytes used by the page's V8 isolate. Extension pages share one renderer, so callers keep a
 * single extension page open while measuring.
 * @param {import('puppeteer').Page} page
 */
export async function heapUsedBytes(page) {
  const cdp = await page.createCDPSession();
  try {
    // Twice: the first pass can leave objects that only the second finds dead (weak callbacks).
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('HeapProfiler.collectGarbage');
    return (await cdp.send('Runtime.getHeapUsage')).usedSize;
  } finally {
    await cdp.detach().catch(() => {});
  }
}
