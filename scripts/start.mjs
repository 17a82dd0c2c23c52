#!/usr/bin/env node
/**
 * `npm start`: installs dependencies if missing, builds, finds Ollama (or starts the built-in
 * simulator, clearly labelled), and opens Chromium with the extension and its side panel.
 * With no display it runs headless: asks one demo question, prints the streamed answer and saves
 * a screenshot.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const run = (cmd, args) => {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
  if (r.status !== 0) process.exit(r.status ?? 1);
};

// Only Node built-ins above this line: dependencies may not be installed yet.
if (!existsSync(join(root, 'node_modules', '.package-lock.json'))) {
  console.log('Installing dependencies (npm ci)…');
  run('npm', ['ci']);
}
console.log('Building the extension…');
run('npx', ['wxt', 'build']);

const { launch } = await import('./lib/launch.mjs');
await launch({ root, headless: process.argv.includes('--headless') });
