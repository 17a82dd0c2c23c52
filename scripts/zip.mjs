#!/usr/bin/env node
/**
 * `npm run zip [-- -b firefox]`: the store packages (WXT's zip; for Firefox also the sources zip
 * AMO asks for), built with OLLAMA_CHAT_STORE=1 so the Chrome manifest has no `key`: the Chrome
 * Web Store refuses one and gives the item its own id (the installer takes the id at runtime).
 */
import { spawnSync } from 'node:child_process';

const r = spawnSync('npx', ['wxt', 'zip', ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: { ...process.env, OLLAMA_CHAT_STORE: '1' },
  shell: process.platform === 'win32',
});
process.exit(r.status ?? 1);
