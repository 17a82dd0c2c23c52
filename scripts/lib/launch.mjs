/** Opens Chromium with the built extension; headful with the side panel, or a headless demo. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findChromium, isExtensionWorker, launchChromiumWithExtension } from './browsers.mjs';
import { headlessDemo } from './demo.mjs';
import { ollamaOrSimulator } from './ollama-or-sim.mjs';

const hasDisplay = () => process.platform !== 'linux' || !!process.env.DISPLAY || !!process.env.WAYLAND_DISPLAY;

async function openSidePanel(browser, extensionId) {
  const page = (await browser.pages())[0] ?? (await browser.newPage());
  await page.goto('data:text/html,<title>Ollama Chat</title><p style="font:16px system-ui">Ollama Chat is in the side panel →</p>');
  const cdp = await browser.target().createCDPSession();
  const { targetInfos } = await cdp.send('Target.getTargets', { filter: [{}] });
  const tab = targetInfos.find((t) => t.type === 'tab' && t.title === 'Ollama Chat');
  if (tab) await cdp.send('Extensions.triggerAction', { id: extensionId, targetId: tab.targetId });
}

/**
 * Points the extension at whichever server we found, keeping the user's other settings. A fresh
 * profile's worker can be replaced just after it first starts (install): the evaluation then
 * lands in the old one, without `chrome` (seen about once in three runs). Then the worker that
 * runs now is asked again.
 * @param {import('puppeteer').Browser} browser
 * @param {import('puppeteer').Target} first
 * @param {string} url
 */
async function pointAt(browser, first, url) {
  let target = first;
  for (let attempt = 1; ; attempt++) {
    const worker = await target.worker();
    try {
      await worker?.evaluate(async (baseUrl) => {
        const { settings = {} } = await chrome.storage.local.get('settings');
        await chrome.storage.local.set({ settings: { ...settings, baseUrl } });
      }, url);
      if (worker) return;
    } catch (e) {
      if (attempt >= 5) throw e;
    }
    target = await browser.waitForTarget((t) => isExtensionWorker(t) && t !== target, { timeout: 5_000 }).catch(() => target);
  }
}

export async function launch({ root, headless: forced }) {
  const executablePath = findChromium();
  if (!executablePath) {
    console.error('No Chromium or Chrome found. Install one, or set CHROME_PATH.');
    process.exit(1);
  }
  const { url, simulator } = await ollamaOrSimulator();
  const headless = forced || !hasDisplay();
  const extensionDir = join(root, '.output/chrome-mv3');
  // A fresh profile each run: Chromium keeps an unpacked extension's old service worker in a
  // reused profile when the version number has not changed, which would run yesterday's build.
  const userDataDir = mkdtempSync(join(tmpdir(), 'ollama-chat-start-'));

  const cleanup = async () => {
    await simulator?.close();
    rmSync(userDataDir, { recursive: true, force: true });
  };
  const { browser, target, extensionId } = await launchChromiumWithExtension({ executablePath, extensionDir, userDataDir, headless, windowSized: true }).catch(
    async (e) => {
      await cleanup();
      throw e;
    },
  );
  const stop = async () => {
    await browser.close().catch(() => {});
    await cleanup();
  };
  try {
    await pointAt(browser, target, url);

    if (headless) {
      await headlessDemo(browser, extensionId, join(root, '.output', 'screenshot.png'));
      await stop();
      return;
    }
    await openSidePanel(browser, extensionId);
    console.log('Chromium is open with Ollama Chat in the side panel. Close the browser (or press Ctrl+C) to stop.');
    process.on('SIGINT', () => void stop().then(() => process.exit(0)));
    await new Promise((resolve) => browser.on('disconnected', resolve));
    await stop();
  } catch (e) {
    await stop();
    throw e;
  }
}
