#!/usr/bin/env node
/**
 * Mozilla's addons-linter (the AMO validator) on the Firefox build: fails on any error, and on any
 * warning not explained below (README, "Install from a release", says why each one stays).
 * `node scripts/lint-firefox.mjs [dir or .zip]`, default .output/firefox-mv2 (build it first).
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const dir = process.argv[2] ?? '.output/firefox-mv2';
/** Warnings that stay, by code and file; each is explained in README. */
const EXPLAINED = [
  // Preact's renderer applies dangerouslySetInnerHTML; the panel never passes it (innerHTML is set nowhere in our code).
  { code: 'UNSAFE_VAR_ASSIGNMENT', file: /^chunks\/jsxRuntime-/ },
  // DOMPurify's own parse of the reply into an inert document, before it sanitizes it.
  { code: 'UNSAFE_VAR_ASSIGNMENT', file: /^chunks\/AssistantBody-/ },
  // highlight.js's highlightElement(), which we never call (we take its escaped output as text runs).
  { code: 'UNSAFE_VAR_ASSIGNMENT', file: /^chunks\/highlight-/ },
  // Readability (Chat with this page) moves the page's own markup between nodes of a detached clone
  // of the document; nothing is parsed into a live page and only text leaves the tab.
  { code: 'UNSAFE_VAR_ASSIGNMENT', file: /^page-extract\.js$/ },
  // pdf.js: `new Function("")` only probes whether eval works, and we pass isEvalSupported: false;
  // `import(workerSrc)` is its fallback when no worker can start, and workerSrc is our own bundled file.
  { code: 'DANGEROUS_EVAL', file: /^(chunks\/pdf-|assets\/pdf\.worker)/ },
  { code: 'UNSAFE_VAR_ASSIGNMENT', file: /^chunks\/pdf-/ },
  // Firefox for Android has no sidebar: the add-on is not offered for Android.
  { code: 'KEY_FIREFOX_ANDROID_UNSUPPORTED_BY_MIN_VERSION', file: /^manifest\.json$/ },
];

if (!existsSync(dir.endsWith('.zip') ? dir : `${dir}/manifest.json`)) {
  console.error(`No Firefox build at ${dir}: run npm run build:firefox first.`);
  process.exit(1);
}
const r = spawnSync('npx', ['addons-linter', '--output', 'json', dir], { encoding: 'utf8', shell: process.platform === 'win32' });
let report;
try {
  report = JSON.parse(r.stdout);
} catch {
  console.error(`addons-linter gave no report (exit ${r.status}):\n${r.stderr}${r.stdout}`);
  process.exit(1);
}
const explained = (/** @type {{code: string, file?: string}} */ m) => EXPLAINED.some((e) => e.code === m.code && e.file.test(m.file ?? ''));
const show = (/** @type {{code: string, file?: string, line?: number, message: string}} */ m) =>
  `  ${m.code} ${m.file ?? ''}${m.line ? `:${m.line}` : ''} ${m.message}`;
const unexplained = report.warnings.filter((m) => !explained(m));
console.log(
  `addons-linter ${dir}: ${report.errors.length} errors, ${report.warnings.length} warnings (${report.warnings.length - unexplained.length} explained), ${report.notices.length} notices`,
);
for (const m of report.errors) console.log(`error${show(m)}`);
for (const m of report.warnings) console.log(`${explained(m) ? 'explained' : 'WARNING'}${show(m)}`);
process.exit(report.errors.length || unexplained.length ? 1 : 0);
