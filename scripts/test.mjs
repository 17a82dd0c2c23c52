#!/usr/bin/env node
/**
 * `npm test`: typecheck, lint, unit tests, build both browsers (the shipped build, checked for test
 * hooks, and the e2e build with them), e2e in real browsers; then one closing line
 * "Tests: N passed, N failed" summed over every vitest run.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';

const steps = [
  ['Typecheck', 'npm', ['run', '--silent', 'typecheck']],
  ['Lint', 'npx', ['biome', 'lint', '.']],
  // Formatting is the formatter's, not a reviewer's: unformatted code fails here (fix: npm run format).
  ['Format', 'npx', ['biome', 'format', '.']],
  ['Unit tests', 'npx', ['vitest', 'run', '--reporter=default', '--reporter=json', '--outputFile.json=.output/test-results/unit.json']],
  ['Build (Chrome, Firefox)', 'npm', ['run', 'build:all', '--silent']],
  // The AMO validator on the Firefox build just made: 0 errors, every warning explained (a few seconds).
  ['addons-linter (Firefox build)', 'node', ['scripts/lint-firefox.mjs']],
  ['Build for e2e (Chrome, Firefox; OLLAMA_CHAT_TEST=1)', 'npm', ['run', 'build:test', '--silent']],
  [
    'E2E (Chromium, Firefox)',
    'npx',
    ['vitest', 'run', '-c', 'vitest.e2e.config.ts', '--reporter=default', '--reporter=json', '--outputFile.json=.output/test-results/e2e.json'],
  ],
];

rmSync('.output/test-results', { recursive: true, force: true });
mkdirSync('.output/test-results', { recursive: true });
let failedStep = null;
for (const [name, cmd, args] of steps) {
  console.log(`\n=== ${name}`);
  const started = Date.now();
  const r = spawnSync(cmd, args, { stdio: 'inherit', shell: process.platform === 'win32' });
  console.log(`=== ${name}: ${r.status === 0 ? 'ok' : 'FAILED'} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  if (r.status !== 0) {
    failedStep = name;
    break;
  }
}

let passed = 0;
let failed = 0;
let skipped = 0;
for (const file of ['unit', 'e2e']) {
  try {
    const j = JSON.parse(readFileSync(`.output/test-results/${file}.json`, 'utf8'));
    passed += j.numPassedTests;
    failed += j.numFailedTests;
    skipped += j.numPendingTests + (j.numTodoTests ?? 0);
  } catch {
    // That step did not run (an earlier one failed).
  }
}
if (failedStep) console.log(`\nnpm test stopped: "${failedStep}" failed.`);
console.log(`\nTests: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failedStep || failed ? 1 : 0);
