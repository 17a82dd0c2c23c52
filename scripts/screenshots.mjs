#!/usr/bin/env node
/**
 * `npm run screenshots`: the README's pictures, made the same way every time. Builds the
 * extension (`--no-build` reuses .output/chrome-mv3), answers from the Ollama simulator with a
 * fixed markdown reply, and saves the panel at 400×800 in light and dark to docs/, and the store
 * listing's 1280×800 pictures of the same to docs/store/.
 *
 * `--lang de,ja` (or `--lang de --lang ja`): the store pictures in those UI languages, asked and
 * answered in that language, to docs/store/<lang>/ (English, the default, keeps the paths above).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startSimulator } from '../tests/sim/server.mjs';
import { findChromium, launchChromiumWithExtension } from './lib/browsers.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const extensionDir = join(root, '.output/chrome-mv3');

/**
 * The question and the reply's prose in each shipped language; the code stays Python. A picture
 * for a German listing with an English conversation in it would not look like the German panel.
 */
const TEXTS = {
  en: {
    question: 'How do I count words in a file with Python?',
    intro: 'Read the file, split on whitespace, count with [`Counter`](https://docs.python.org/3/library/collections.html#collections.Counter):',
    table: ['Word', 'Count', 'the', 'llama'],
    notes: ['`split()` with no argument also drops empty strings;', 'for punctuation, use `re.findall(r"\\w+", text)`.'],
  },
  de: {
    question: 'Wie zähle ich mit Python die Wörter in einer Datei?',
    intro: 'Datei lesen, an Leerraum trennen, mit [`Counter`](https://docs.python.org/3/library/collections.html#collections.Counter) zählen:',
    table: ['Wort', 'Anzahl', 'die', 'Lama'],
    notes: ['`split()` ohne Argument lässt auch leere Zeichenketten weg;', 'gegen Satzzeichen hilft `re.findall(r"\\w+", text)`.'],
  },
  fr: {
    question: 'Comment compter les mots d’un fichier avec Python\u00a0?',
    intro:
      'Lisez le fichier, découpez-le sur les espaces, comptez avec [`Counter`](https://docs.python.org/fr/3/library/collections.html#collections.Counter)\u00a0:',
    table: ['Mot', 'Nombre', 'le', 'lama'],
    notes: ['`split()` sans argument ignore aussi les chaînes vides\u00a0;', 'pour la ponctuation, utilisez `re.findall(r"\\w+", text)`.'],
  },
  es: {
    question: '¿Cómo cuento las palabras de un archivo con Python?',
    intro: 'Lee el archivo, divídelo por los espacios y cuenta con [`Counter`](https://docs.python.org/es/3/library/collections.html#collections.Counter):',
    table: ['Palabra', 'Veces', 'el', 'llama'],
    notes: ['`split()` sin argumentos también descarta las cadenas vacías;', 'para la puntuación, usa `re.findall(r"\\w+", text)`.'],
  },
  ja: {
    question: 'Python でファイルの単語数を数えるには？',
    intro: 'ファイルを読み込み、空白で区切って [`Counter`](https://docs.python.org/ja/3/library/collections.html#collections.Counter) で数えます。',
    table: ['単語', '回数', 'the', 'llama'],
    notes: ['引数なしの `split()` は空文字列も除きます。', '句読点を除くには `re.findall(r"\\w+", text)` を使います。'],
  },
  zh_CN: {
    question: '如何用 Python 统计文件中的单词数？',
    intro: '读取文件，按空白拆分，再用 [`Counter`](https://docs.python.org/zh-cn/3/library/collections.html#collections.Counter) 计数：',
    table: ['单词', '次数', 'the', 'llama'],
    notes: ['不带参数的 `split()` 也会去掉空字符串；', '要去掉标点，用 `re.findall(r"\\w+", text)`。'],
  },
};

/** @param {(typeof TEXTS)['en']} t */
function reply(t) {
  const [word, count, first, second] = t.table;
  return [
    t.intro,
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
    `| ${word} | ${count} |`,
    '|:-----|------:|',
    `| ${first} | 42 |`,
    `| ${second} | 7 |`,
    '',
    ...t.notes.map((n) => `- ${n}`),
  ].join('\n');
}

/** The languages asked for: `--lang de,ja`, `--lang=fr`, repeatable; English when none is. */
function requestedLanguages(argv) {
  const codes = argv.flatMap((a, i) => (a === '--lang' ? [argv[i + 1] ?? ''] : a.startsWith('--lang=') ? [a.slice(7)] : []));
  const langs = codes.flatMap((c) => c.split(',')).map((c) => c.trim().replace('-', '_'));
  const unknown = langs.filter((l) => !(l in TEXTS));
  if (unknown.length > 0 || (codes.length > 0 && langs.length === 0)) {
    console.error(`Unknown language ${unknown.map((l) => `"${l}"`).join(', ') || '(none given)'}: use ${Object.keys(TEXTS).join(', ')}.`);
    process.exit(2);
  }
  return langs.length > 0 ? [...new Set(langs)] : ['en'];
}

const langs = requestedLanguages(process.argv.slice(2));
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
// The reply is the one in the language the question was asked in.
const replies = new Map(Object.values(TEXTS).map((t) => [t.question, reply(t)]));
const sim = await startSimulator({
  tokensPerSecond: 400,
  reply: ({ messages }) => replies.get(messages.at(-1)?.content ?? '') ?? 'No fixed reply for this question.',
  models: [{ name: 'llama3.2:latest', family: 'llama', parameterSize: '3.2B', capabilities: ['completion'] }],
});
try {
  for (const lang of langs) await shoot(lang);
} finally {
  await sim.close();
}

/** The panel in `lang`, asked that language's question, saved in light and dark. */
async function shoot(lang) {
  // Read from the catalog, so a panel that came up in another language fails here, not in review.
  const messages = JSON.parse(readFileSync(join(root, 'public', '_locales', lang, 'messages.json'), 'utf8'));
  const connected = messages.status_badge_connected.message;
  const userDataDir = mkdtempSync(join(tmpdir(), 'ollama-chat-shots-'));
  // English is asked for by name too: the machine's own language must not end up in English pictures.
  const browserLang = lang === 'en' ? 'en-US' : lang.replace('_', '-');
  const { browser, target, extensionId } = await launchChromiumWithExtension({ executablePath, extensionDir, userDataDir, lang: browserLang });
  try {
    const worker = await target.worker();
    const setTheme = (theme) => worker.evaluate((settings) => chrome.storage.local.set({ settings }), { baseUrl: sim.url, defaultModel: 'llama3.2', theme });
    // The background installs its Origin rule for the stored URL at start and again on each
    // change, unordered: settings written before the first install can end with the old rule
    // (and the chat refused with 403). So: its first rule, then ours, then the rule for ours.
    await originRule(worker, () => true);
    await setTheme('light');
    await originRule(worker, (filter) => filter === `|${new URL(sim.url).origin}/`);

    const page = await browser.newPage();
    await page.setViewport({ width: 400, height: 800 });
    await page.goto(`chrome-extension://${extensionId}/sidepanel.html`);
    // Selectors by class, not accessible name: the names are in the language being shot.
    const isConnected = (text) => document.querySelector('.status [role="status"]')?.textContent === text;
    await page.waitForFunction(isConnected, { timeout: 15_000 }, connected).catch(async (e) => {
      const shown = await page.$eval('.status [role="status"]', (el) => el.textContent).catch(() => '(no status)');
      throw new Error(`The panel did not say "${connected}" (${lang}); it says "${shown}". ${e.message}`);
    });
    await page.type('textarea.composer-input', TEXTS[lang].question);
    await page.click('button.button-send');
    const answer = '[role="log"] > article.message-assistant';
    await page.waitForFunction((sel) => document.querySelector(sel)?.getAttribute('data-status') === 'done', { timeout: 20_000 }, answer);
    await page.waitForSelector(`${answer} .md-code code span[class^="hljs-"]`);
    // No caret blinking in the message box, no focus ring: the picture is of the panel at rest.
    await page.evaluate(() => (document.activeElement instanceof HTMLElement ? document.activeElement.blur() : undefined));

    const storeDir = lang === 'en' ? join(root, 'docs', 'store') : join(root, 'docs', 'store', lang);
    mkdirSync(storeDir, { recursive: true });
    for (const theme of ['light', 'dark']) {
      await setTheme(theme);
      // Saving settings makes the panel check the server again: wait until it says so.
      await page.waitForFunction(
        (t, text) => document.documentElement.dataset.theme === t && document.querySelector('.status [role="status"]')?.textContent === text,
        { timeout: 15_000 },
        theme,
        connected,
      );
      // The README's narrow pictures are English only: the README is.
      if (lang === 'en') {
        const path = join(root, 'docs', `panel-${theme}.png`);
        await page.screenshot({ path });
        console.log(`Saved ${path}`);
      }
      // The stores ask for 1280×800: the same panel as a wide window shows it (a reading column).
      await page.setViewport({ width: 1280, height: 800 });
      const store = join(storeDir, `screenshot-${theme}-1280x800.png`);
      await page.screenshot({ path: store });
      console.log(`Saved ${store}`);
      await page.setViewport({ width: 400, height: 800 });
    }
  } finally {
    await browser.close();
    rmSync(userDataDir, { recursive: true, force: true });
  }
}

/** Until the background's Origin rules include one whose urlFilter passes `wanted`. */
async function originRule(worker, wanted) {
  for (let tries = 0; tries < 150; tries++) {
    // A worker just started can lack its extension APIs for a moment (chrome is not defined).
    const rules = await worker.evaluate(() => chrome.declarativeNetRequest.getDynamicRules()).catch(() => []);
    if (rules.some((r) => wanted(r.condition.urlFilter ?? ''))) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('The background did not install its Origin rule for the simulator within 15 s.');
}
