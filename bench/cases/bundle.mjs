// Case 6: what a user downloads and the browser parses, from the normal production build.
// Sizes are exact, so one measurement is the measurement.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { exact } from '../lib/rows.mjs';
import { PROD_BUILD } from '../lib/paths.mjs';

/**
 * Every file a page loads at startup: its scripts and stylesheets, and the chunks those scripts
 * import statically (dynamic imports load later, so they do not count here).
 * @param {string} html
 */
function pageFiles(html) {
  const found = new Set();
  const queue = [...html.matchAll(/<(?:script|link)\b[^>]*?\b(?:src|href)="([^"]+\.(?:js|css))"/g)].map((m) => m[1] ?? '');
  while (queue.length > 0) {
    const file = /** @type {string} */ (queue.shift()).replace(/^\//, '');
    if (found.has(file)) continue;
    found.add(file);
    if (!file.endsWith('.js')) continue;
    const code = readFileSync(join(PROD_BUILD, file), 'utf8');
    for (const m of code.matchAll(/(?:\bimport|\bfrom)\s*["'`](\.{0,2}\/[^"'`]+\.js)["'`]/g)) {
      const spec = m[1] ?? '';
      queue.push(spec.startsWith('/') ? spec : join(file, '..', spec));
    }
  }
  return [...found];
}

/** @param {string[]} files */
function sizes(files) {
  let raw = 0;
  let gz = 0;
  for (const f of files) {
    const bytes = readFileSync(join(PROD_BUILD, f));
    raw += bytes.length;
    gz += gzipSync(bytes, { level: 9 }).length;
  }
  return { raw, gz };
}

/** @param {string} name @param {string[]} files */
function sizeRow(name, files) {
  const s = sizes(files);
  return exact(name, 'KB gz', s.gz / 1024, `${files.join(', ')}; ${(s.raw / 1024).toFixed(1)} KB before gzip`);
}

/** What loads later, on first use: the panel's dynamic chunks. */
const ON_DEMAND = /** @type {Record<string, string>} */ ({
  highlight: 'with the first code block',
  HistoryView: 'when History first opens',
  'history-io': 'on the first import or export',
  pdf: 'with the first PDF (pdf.js)',
  read: 'with the first PDF',
  'pdf.worker.min': "with the first PDF (the worker's address)",
  PdfTools: 'after the first paint (the composer’s PDF tools)',
});

/** pdf.js's worker: an asset, not a chunk (its URL is handed to pdf.js), also loaded with the first PDF. */
function pdfWorkerRows() {
  return readdirSync(join(PROD_BUILD, 'assets'))
    .filter((f) => /^pdf\.worker.*\.mjs$/.test(f))
    .map((f) => sizeRow('+ pdf.js worker, loaded with the first PDF', [`assets/${f}`]));
}

export function bundleCase() {
  const panelFiles = pageFiles(readFileSync(join(PROD_BUILD, 'sidepanel.html'), 'utf8'));
  const panel = sizeRow('panel: JS + CSS sidepanel.html loads', panelFiles);
  const limit = 60;
  const later = readdirSync(join(PROD_BUILD, 'chunks'))
    .map((f) => `chunks/${f}`)
    .filter((f) => f.endsWith('.js') && !panelFiles.includes(f))
    .map((f) => {
      const name = f.replace(/^chunks\/|-[\w-]{8}\.js$/g, '');
      return sizeRow(`+ ${name}, loaded ${ON_DEMAND[name] ?? 'on demand'}`, [f]);
    });
  return {
    id: 'bundle',
    title: '6. Bundle: gzipped (level 9) size from the production build (.output/bench/prod/chrome-mv3, same bytes as `wxt build`)',
    rows: [
      { ...panel, target: `≤ ${limit} KB`, pass: (panel.ours?.median ?? Number.POSITIVE_INFINITY) <= limit },
      ...later,
      ...pdfWorkerRows(),
      sizeRow('background', ['background.js']),
    ],
    charts: [],
  };
}
