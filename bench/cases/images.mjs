// Case 8: downscaling a 12-megapixel photo (issue 13). A 4000×3000 JPEG is picked in the
// panel's "Attach image" input; measured from the input's change to the chip's thumbnail in the
// DOM (decode, resize to 1568 px and JPEG encode happen in lib/images/downscale.worker.ts), and
// the panel thread's long tasks meanwhile. Each run is a fresh panel, so the worker's start is
// included, as for the first image a user attaches.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { atMost, row } from '../lib/rows.mjs';

const INPUT = '.composer input[type="file"]';
const THUMB = '.contexts img.context-thumb';

// Runs in the page before its scripts (evaluateOnNewDocument): times on performance.now().
function installImageProbe() {
  /** @type {{ pickedAt: number, shownAt: number, longTasks: number[][] }} */
  const b = { pickedAt: 0, shownAt: 0, longTasks: [] };
  /** @type {any} */ (window).__benchImages = b;
  document.addEventListener(
    'change',
    () => {
      if (!b.pickedAt) b.pickedAt = performance.now();
    },
    true,
  );
  new MutationObserver(() => {
    if (!b.shownAt && document.querySelector('.contexts img.context-thumb')) b.shownAt = performance.now();
  }).observe(document, { childList: true, subtree: true });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) b.longTasks.push([e.startTime, e.duration]);
  }).observe({ type: 'longtask', buffered: true });
}

/** A 12-megapixel JPEG drawn by the browser (noise, so it is not trivially compressible). @param {import('puppeteer').Page} page */
const photo = (page) =>
  page.evaluate(async () => {
    const c = document.createElement('canvas');
    c.width = 4000;
    c.height = 3000;
    const ctx = /** @type {CanvasRenderingContext2D} */ (c.getContext('2d'));
    for (let i = 0; i < 4000; i++) {
      ctx.fillStyle = `hsl(${(i * 37) % 360} 70% ${30 + (i % 40)}%)`;
      ctx.fillRect((i * 97) % 4000, (i * 53) % 3000, 60 + (i % 200), 40 + (i % 150));
    }
    const blob = await new Promise((resolve) => c.toBlob(resolve, 'image/jpeg', 0.9));
    const bytes = new Uint8Array(await /** @type {Blob} */ (blob).arrayBuffer());
    let bin = '';
    for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    return btoa(bin);
  });

/** @param {import('./context.mjs').CaseContext} ctx */
export async function imagesCase({ session, opts, log }) {
  const dir = mkdtempSync(join(tmpdir(), 'ollama-chat-bench-images-'));
  try {
    const file = join(dir, 'photo-12mp.jpg');
    const maker = await session.open('ours');
    writeFileSync(file, Buffer.from(await photo(maker), 'base64'));
    await maker.close();
    /** @type {{ ms: number, longest: number, count: number }[]} */
    const results = [];
    for (let r = 0; r < opts.runs; r++) {
      const page = await session.blank();
      try {
        await page.evaluateOnNewDocument(installImageProbe);
        await page.goto(session.urlOf('ours'), { waitUntil: 'load' });
        const input = await page.waitForSelector(INPUT);
        // The panel's own start-up is not part of this: its long tasks are over before the pick.
        await new Promise((resolve) => setTimeout(resolve, 1000));
        await input?.uploadFile(file);
        await page.waitForSelector(THUMB, { timeout: 30_000 });
        await new Promise((resolve) => setTimeout(resolve, 200));
        const b = await page.evaluate(() => /** @type {any} */ (window).__benchImages);
        const during = b.longTasks.filter((/** @type {number[]} */ [t, d]) => t + d >= b.pickedAt && t <= b.shownAt);
        const res = { ms: b.shownAt - b.pickedAt, longest: Math.max(0, ...during.map((/** @type {number[]} */ [, d]) => d)), count: during.length };
        log(`  run ${r + 1}: ${res.ms.toFixed(0)} ms, ${res.count} long tasks (longest ${res.longest.toFixed(0)} ms)`);
        results.push(res);
      } finally {
        await page.close().catch(() => {});
      }
    }
    return {
      id: 'images',
      title: '8. Images: a 12-megapixel JPEG attached → downscaled chip shown',
      rows: [
        row(
          'picked → thumbnail shown (decode, resize to 1568 px, JPEG encode)',
          'ms',
          null,
          results.map((r) => r.ms),
          atMost(300, 'ms'),
          'a fresh panel each run: the worker starts too',
        ),
        row(
          'longest panel-thread task meanwhile (0: none over 50 ms)',
          'ms',
          null,
          results.map((r) => r.longest),
          atMost(50, 'ms'),
        ),
      ],
      charts: [],
      notes: [
        'The panel thread only hands the File to a module worker (lib/images/downscale.worker.ts: createImageBitmap, OffscreenCanvas, convertToBlob); the base64 comes back as one string.',
      ],
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
