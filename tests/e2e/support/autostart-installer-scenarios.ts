/**
 * The auto-start helper without a checkout, in every browser: Settings, "Set up auto-start", makes
 * the installer with the running extension's id; it is run with a temporary HOME (where that test
 * browser looks for hosts), and then the panel's question with Ollama down starts Ollama through it.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'puppeteer';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { defaultReply } from '../../sim/server.mjs';
import { blocking, scanPage } from './axe';
import { type ExtensionHost, openConfiguredPanel } from './host';
import { SEL } from './panel';
import { kill, simulatorCommand } from './recovery-scenarios';

declare global {
  interface Window {
    installerTexts?: string[];
  }
}

/** Clicks "Set up auto-start" and returns the file it downloads (read from the blob it links to). */
async function downloadInstaller(page: Page): Promise<string> {
  await page.evaluate(() => {
    window.installerTexts = [];
    const create = URL.createObjectURL.bind(URL);
    URL.createObjectURL = (blob: Blob | MediaSource) => {
      if (blob instanceof Blob) void blob.text().then((t) => window.installerTexts?.push(t));
      return create(blob);
    };
  });
  await page.click(SEL.settings);
  // By role: the missing-helper hint names the button too.
  const button = '::-p-aria([name="Set up auto-start"][role="button"])';
  await page.waitForSelector(button);
  await page.click(button);
  await page.waitForSelector('[data-testid="autostart-setup"]');
  await page.waitForFunction(() => (window.installerTexts?.length ?? 0) > 0);
  return page.evaluate(() => window.installerTexts?.[0] ?? '');
}

/**
 * `where(host)`: the installer's extra arguments and environment for that test browser (Chromium
 * reads hosts from its --user-data-dir; Firefox from the HOME it runs with).
 */
export function autostartInstallerScenarios<H extends ExtensionHost>(
  launch: () => Promise<H>,
  where: (host: H) => { args: string[]; home: string },
  expectId: (host: H) => string,
): void {
  describe('the installer from Settings', () => {
    let s: H;
    const pidFiles: string[] = [];
    beforeAll(async () => {
      s = await launch();
    });
    afterEach(() => {
      for (const f of pidFiles.splice(0)) kill(f);
    });
    afterAll(async () => s?.close());

    it('downloads with this extension id, shows its command, installs without Node, and starts Ollama', async () => {
      const sim = await simulatorCommand();
      pidFiles.push(sim.pidFile);
      const url = `http://127.0.0.1:${sim.port}`;
      const p = await openConfiguredPanel(s, { baseUrl: url, defaultModel: 'llama3.2:latest', retryDelayMs: 200 } as never);
      const text = await downloadInstaller(p.page);
      expect(text).toContain(`EXTENSION_ID='${expectId(s)}'`);
      expect(await p.page.$eval('[data-testid="autostart-setup"]', (e) => e.textContent)).toContain('sh ~/Downloads/ollama-chat-setup.sh');
      // The setup view with its command and buttons: no critical or serious axe violation.
      expect(blocking(await scanPage(p.page))).toEqual([]);

      const { args, home } = where(s);
      const file = join(mkdtempSync(join(tmpdir(), 'ollama-chat-dl-')), 'ollama-chat-setup.sh');
      writeFileSync(file, text);
      const hostDir = mkdtempSync(join(tmpdir(), 'ollama-chat-host-'));
      // No node on this PATH: the helper must not need it (the start command names node itself).
      const env = { HOME: home, PATH: '/usr/local/bin:/usr/bin:/bin', OLLAMA_CHAT_HOST_DIR: hostDir };
      const install = spawnSync('sh', [file, '--start-command', sim.command, '--url', url, ...args], { env, encoding: 'utf8' });
      expect(install.stderr).toBe('');
      expect(install.status).toBe(0);
      expect(spawnSync('sh', [file, 'doctor', ...args], { env, encoding: 'utf8' }).stdout).toContain('All good.');
      await p.page.close();

      const panel = await openConfiguredPanel(s, { baseUrl: url, defaultModel: 'llama3.2:latest', retryDelayMs: 200 } as never);
      await panel.waitForStatus('Disconnected');
      await panel.ask('Wake up');
      const end = await panel.waitForReplyEnd(0, 30_000);
      expect(end).toBe('done');
      expect(await panel.replyText(0)).toBe(defaultReply([{ role: 'user', content: 'Wake up' }], 30));
      expect(existsSync(sim.pidFile)).toBe(true);
      await panel.page.click(SEL.settings);
      await panel.page.waitForFunction(() => document.querySelector('[data-testid="helper-status"]')?.textContent?.includes('Helper installed; it runs:'));
      await panel.page.close();

      expect(spawnSync('sh', [file, 'uninstall', ...args], { env, encoding: 'utf8' }).status).toBe(0);
      expect(spawnSync('sh', [file, 'doctor', ...args], { env, encoding: 'utf8' }).status).toBe(1);
    });
  });
}
