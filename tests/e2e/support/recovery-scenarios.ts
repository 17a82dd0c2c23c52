/**
 * Ollama starts itself, in every browser: the native host, installed for the test browser by the
 * real installer, runs a start command that launches the Ollama simulator (as `ollama serve`
 * would start Ollama).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { defaultReply, startSimulator } from '../../sim/server.mjs';
import { type ExtensionHost, openConfiguredPanel } from './host';
import { SEL } from './panel';

const SIM_CLI = resolve('tests/sim/cli.mjs');

export async function freePort(): Promise<number> {
  return new Promise((res) => {
    const srv = createServer().listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => res(port));
    });
  });
}

interface Installed {
  port: number;
  pidFile: string;
}

/**
 * Runs the real installer with a start command of our choosing. `extraArgs`/`env` aim it at the
 * test browser: Chromium's profile (--user-data-dir), or the HOME Firefox runs with.
 */
export function runInstaller(port: number, command: string, extraArgs: string[], env: Record<string, string> = {}): void {
  const hostDir = mkdtempSync(join(tmpdir(), 'ollama-chat-host-'));
  const r = spawnSync(process.execPath, ['native-host/install.mjs', '--start-command', command, '--url', `http://127.0.0.1:${port}`, ...extraArgs], {
    env: { ...process.env, OLLAMA_CHAT_HOST_DIR: hostDir, ...env },
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`host install failed: ${r.stderr}${r.stdout}`);
}

/** A start command that runs the simulator CLI on `port` and leaves its pid for cleanup. */
export async function simulatorCommand(): Promise<Installed & { command: string }> {
  const port = await freePort();
  const pidFile = join(mkdtempSync(join(tmpdir(), 'ollama-chat-pid-')), 'sim.pid');
  const command = `echo $$ > '${pidFile}'; exec '${process.execPath}' '${SIM_CLI}' --port ${port} --quiet`;
  return { port, pidFile, command };
}

export function kill(pidFile: string): void {
  if (!existsSync(pidFile)) return;
  try {
    process.kill(Number(readFileSync(pidFile, 'utf8')), 'SIGTERM');
  } catch {
    // Already gone.
  }
}

export function recoveryScenarios<H extends ExtensionHost>(launch: () => Promise<H>, install: (host: H, port: number, command: string) => void): void {
  describe('with the helper installed', () => {
    let s: H;
    const pidFiles: string[] = [];
    const pages: { close(): Promise<void> }[] = [];
    beforeAll(async () => {
      s = await launch();
    });
    afterEach(async () => {
      for (const p of pages.splice(0)) await p.close().catch(() => {});
      for (const f of pidFiles.splice(0)) kill(f);
    });
    afterAll(async () => s?.close());

    it('Ollama down: sending makes the host start it, and the reply streams', async () => {
      const sim = await simulatorCommand();
      pidFiles.push(sim.pidFile);
      install(s, sim.port, sim.command);
      const p = await openConfiguredPanel(s, { baseUrl: `http://127.0.0.1:${sim.port}`, defaultModel: 'llama3.2:latest', retryDelayMs: 200 } as never);
      pages.push(p.page);
      await p.waitForStatus('Disconnected');
      await p.ask('Wake up');
      expect(await p.waitForReplyEnd(0, 30_000)).toBe('done');
      expect(await p.replyText(0)).toBe(defaultReply([{ role: 'user', content: 'Wake up' }], 30));
      expect(existsSync(sim.pidFile)).toBe(true);
      await p.waitForStatus('Connected');
    });

    it('a remote Ollama URL that does not answer: the helper is not asked to start anything, and the user is told why', async () => {
      const sim = await simulatorCommand();
      pidFiles.push(sim.pidFile);
      install(s, sim.port, sim.command);
      // Loopback to the kernel, but not one of the hosts the extension counts as this machine
      // (localhost, 127.0.0.1, [::1]): starting a local Ollama could not bring it back.
      const p = await openConfiguredPanel(s, { baseUrl: `http://127.0.0.2:${sim.port}`, defaultModel: 'llama3.2:latest', retryDelayMs: 200 } as never);
      pages.push(p.page);
      await p.ask('Anyone there?');
      expect(await p.waitForReplyEnd(0, 30_000)).toBe('failed');
      expect(await p.waitForBanner('Auto-start only starts a local Ollama')).toContain(`Ollama at 127.0.0.2:${sim.port} is not answering.`);
      // The start command writes this file first thing: it never ran.
      expect(existsSync(sim.pidFile)).toBe(false);
    });

    it('a start command that fails: "Failed to start Ollama (exit code 1): <its output>"', async () => {
      const port = await freePort();
      install(s, port, "echo 'ollama: no such model dir' >&2; exit 1");
      const p = await openConfiguredPanel(s, { baseUrl: `http://127.0.0.1:${port}`, defaultModel: 'llama3.2:latest', retryDelayMs: 200 } as never);
      pages.push(p.page);
      await p.ask('Start please');
      expect(await p.waitForReplyEnd(0, 30_000)).toBe('failed');
      expect(await p.waitForBanner('Failed to start Ollama (exit code 1)')).toContain('no such model dir');
    });

    it('killed mid-stream: the banner says so, recovery restarts Ollama, Retry completes the reply', async () => {
      const cmd = await simulatorCommand();
      pidFiles.push(cmd.pidFile);
      install(s, cmd.port, cmd.command);
      const live = await startSimulator({ port: cmd.port, tokensPerSecond: 20, replyTokens: 200 });
      try {
        const p = await openConfiguredPanel(s, { baseUrl: live.url, defaultModel: 'llama3.2:latest', retryDelayMs: 200 } as never);
        pages.push(p.page);
        await p.waitForStatus('Connected');
        await p.ask('Tell me slowly');
        await p.waitForReplyText(0, (t) => t.length > 20);
        await live.setFaults({ refuse: true }); // Ollama dies: the port is free for the host to restart it
        await p.waitForBanner('Connection to Ollama lost. Attempting to reconnect...');
        expect(await p.waitForReplyEnd(0)).toBe('interrupted');
        await p.waitForBanner('Reconnected to Ollama', 30_000);
        await p.waitForStatus('Connected');
        await p.page.click(`${SEL.assistant} ::-p-text(Retry)`);
        expect(await p.waitForReplyEnd(0, 30_000)).toBe('done');
        expect(await p.replyText(0)).toBe(defaultReply([{ role: 'user', content: 'Tell me slowly' }], 30));
      } finally {
        await live.close();
      }
    });
  });

  describe('no helper installed', () => {
    let bare: H;
    beforeAll(async () => {
      bare = await launch();
    });
    afterAll(async () => bare?.close());

    it('says how to install the helper, and Settings shows it is missing', async () => {
      const port = await freePort();
      const p = await openConfiguredPanel(bare, { baseUrl: `http://127.0.0.1:${port}`, defaultModel: 'llama3.2:latest' });
      await p.ask('Anyone?');
      expect(await p.waitForReplyEnd(0)).toBe('failed');
      expect(await p.waitForBanner('npm run host:install -- --start-command')).toContain('Cannot connect to Ollama server');
      await p.page.click(SEL.settings);
      await p.page.waitForFunction(() => document.querySelector('[data-testid="helper-status"]')?.textContent?.includes('Helper not installed'));
      await p.page.close();
    });
  });
}
