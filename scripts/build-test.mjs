#!/usr/bin/env node
/**
 * `npm run build:test`: the e2e build of both browsers, with the test hooks compiled in
 * (OLLAMA_CHAT_TEST=1, see wxt.config.ts), into .output/test/chrome-mv3 and .output/test/firefox-mv2.
 * The shipped build (`npm run build`, .output/chrome-mv3) never has them.
 */
import { spawnSync } from 'node:child_process';

for (const args of [['build'], ['build', '-b', 'firefox']]) {
  const r = spawnSync('npx', ['wxt', ...args], {
    stdio: 'inherit',
    env: { ...process.env, OLLAMA_CHAT_TEST: '1', OLLAMA_CHAT_BENCH: '' },
    shell: process.platform === 'win32',
  });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
