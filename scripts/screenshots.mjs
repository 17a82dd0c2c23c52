#!/usr/bin/env node
/**
 * `npm run screenshots`: the README's pictures, made the same way every time. Builds the
 * extension (`--no-build` reuses .output/chrome-mv3), answers from the Ollama simulator with a
 * fixed markdown reply, and saves the panel at 400×800 in light and dark to docs/, and the store
 * listing's 1280×800 pictures of the same to docs/store/.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startSimulator } from '../tests/sim/server.mjs';
import { findChromium, launchChromiumWithExtension } from './lib/browsers.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const extensionDir = join(root, '.output/chrome-mv3');
const QUESTION = 'How do I count words in a file with Python?';
const REPLY = [
  'Read the file, split on whitespace, count:',
  '',
  '```python',
  'from collections import Counter',
  '',
  'def count_words(path):',
  '    with open(path) as f:',
  '        words = f.read().split()',
  '    return Counter(words)',
  '',
  'print(count_words("notes.txt"))',
  '```',
  '',
  '| Word | Count |',
  '|:-----|------:|',
  '| the | 42 |',
  '| llama | 7 |',
  '',
  '- `split()` with no argument also drops empty strings;',
  '- for punctuation, use `re.findall(r"\\w+", text)`.',
  '',
  'See the [collections docs](https://docs.python.org/3/library/collections.html) for more.',
].join('\n');

if (!process.argv.includes('--no-build') || !existsSync(join(extensionDir, 'manifest.json'))) {
  const r = spawnSync('npx', ['wxt', 'build'], { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
const executablePath = findChromium();
if (!executablePath) {
  console.error('No Chromium or Chrome found. Install one, or set CHROME_PATH.');
  process.exit(1);
}

// A real-looking model name and version: these pictures show the panel, not the simulator badge.
const sim = await startSimulator({
  tokensPerSecond: 400,
  reply: () => REPLY,
  models: [{ name: 'llama3.2:latest', family: 'llama', parameterSize: '3.2B', capabilities: ['completion'] }],
});
const userDataDir = mkdtempSync(join(tmpdir(), 'ollama-chat-shots-'));
const { browser, target, extensionId } = await launchChromiumWithExtension({ executablePath, extensionDir, userDataDir });
try {
  const worker = await target.worker();
  const setTheme = (theme) => worker.evaluate((settings) => chrome.storage.local.set({ settings }), { baseUrl: sim.url, defaultModel: 'llama3.2', theme });
  await setTheme('light');

  const page = await browser.newPage();
  await page.setViewport({ width: 400, height: 800 });
  await page.goto(`chrome-extension://${extensionId}/sidepanel.html`);
  await page.waitForFunction(() => document.querySelector('[role="status"]')?.textContent?.includes('Connected'), { timeout: 15_000 });
  await page.type('textarea[aria-label="Message"]', QUESTION);
  await page.click('button.button-send');
  await page.waitForFunction(() => document.querySelector('article[aria-label="Assistant"]')?.getAttribute('data-status') === 'done', { timeout: 20_000 });
  await page.waitForSelector('article[aria-label="Assistant"] .md-code code span[class^="hljs-"]');
  // No caret blinking in the message box, no focus ring: the picture is of the panel at rest.
  await page.evaluate(() => (document.activeElement instanceof HTMLElement ? document.activeElement.blur() : undefined));

  mkdirSync(join(root, 'docs', 'store'), { recursive: true });
  for (const theme of ['light', 'dark']) {
    await setTheme(theme);
    // Saving settings makes the panel check the server again: wait until it says so.
    await page.waitForFunction(
      (t) => document.documentElement.dataset.theme === t && document.querySelector('[role="status"]')?.textContent?.includes('Connected'),
      { timeout: 15_000 },
      theme,
    );
    const path = join(root, 'docs', `panel-${theme}.png`);
    await page.screenshot({ path });
    console.log(`Saved ${path}`);
    // The stores ask for 1280×800: the same panel as a wide window shows it (a reading column).
    await page.setViewport({ width: 1280, height: 800 });
    const store = join(root, 'docs', 'store', `screenshot-${theme}-1280x800.png`);
    await page.screenshot({ path: store });
    console.log(`Saved ${store}`);
    await page.setViewport({ width: 400, height: 800 });
  }
} finally {
  await browser.close();
  await sim.close();
  rmSync(userDataDir, { recursive: true, force: true });
}
