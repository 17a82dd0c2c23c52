// @vitest-environment node
// How the runner and the command are started on each platform (pure options), and, for real on
// POSIX, that a started server outlives the host and the host's whole process group.
import { execFileSync, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BREAKAWAY_SCRIPT } from '../../native-host/breakaway.mjs';
import { isOllamaUp } from '../../native-host/probe.mjs';
import { commandSpawnFor, encodePowerShell, shellFor, spawnOptionsFor } from '../../native-host/spawn.mjs';
import { fakeOllamaCommand, frame, freePort, HOST, hostEnv, later, parseFrames, tempDir, writeConfig } from './helpers';

const spec = { run: 'r1', command: 'ollama serve' };

describe('spawnOptionsFor', () => {
  for (const platform of ['linux', 'darwin']) {
    it(`${platform}: node runs the runner detached (setsid: a session of its own), with no pipe back to the host`, () => {
      const plan = spawnOptionsFor(platform, {
        execPath: '/usr/bin/node',
        runnerPath: '/opt/oc/native-host/runner.mjs',
        env: { PATH: '/usr/bin' },
        cwd: '/home/a/.oc',
        spec,
      });
      expect(plan).toEqual({
        file: '/usr/bin/node',
        args: ['/opt/oc/native-host/runner.mjs'],
        options: { cwd: '/home/a/.oc', env: { PATH: '/usr/bin', OLLAMA_CHAT_RUN: JSON.stringify(spec) }, detached: true, windowsHide: true, stdio: 'ignore' },
        trampoline: false,
      });
    });
  }

  it('win32: PowerShell creates the runner with CREATE_BREAKAWAY_FROM_JOB, hidden, taking its command line from the environment', () => {
    const execPath = 'C:\\Program Files\\nodejs\\node.exe';
    const runnerPath = 'C:\\src\\ollama chat\\native-host\\runner.mjs';
    const env = { SystemRoot: 'C:\\WINDOWS', Path: 'C:\\WINDOWS\\system32' };
    const plan = spawnOptionsFor('win32', { execPath, runnerPath, env, cwd: 'C:\\Users\\Ann\\AppData\\Local\\ollama-chat', spec });
    expect(plan.file).toBe('C:\\WINDOWS\\System32\\WindowsPowerShell\\v1.0\\powershell.exe');
    expect(plan.args).toEqual([
      '-NoLogo',
      '-NoProfile',
      '-NonInteractive',
      '-ExecutionPolicy',
      'Bypass',
      '-EncodedCommand',
      encodePowerShell(BREAKAWAY_SCRIPT),
    ]);
    expect(plan.options).toEqual({
      cwd: 'C:\\Users\\Ann\\AppData\\Local\\ollama-chat',
      env: { ...env, OLLAMA_CHAT_RUN: JSON.stringify(spec), OLLAMA_CHAT_RUNNER_LINE: `"${execPath}" "${runnerPath}"` },
      detached: true,
      windowsHide: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    expect(plan.trampoline).toBe(true);
    expect(spawnOptionsFor('win32', { execPath, runnerPath, env: {}, cwd: 'C:\\d', spec }).file).toBe(
      'C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe',
    );
  });

  it('win32: the script breaks away, inherits no handles, opens no window, and falls back only on ERROR_ACCESS_DENIED', () => {
    const script = Buffer.from(encodePowerShell(BREAKAWAY_SCRIPT), 'base64').toString('utf16le');
    expect(script).toBe(BREAKAWAY_SCRIPT);
    expect(script).toContain('CREATE_BREAKAWAY_FROM_JOB = 0x01000000');
    expect(script).toContain('CREATE_NO_WINDOW = 0x08000000');
    expect(script).toContain('IntPtr.Zero, IntPtr.Zero, false, flags,'); // bInheritHandles = false
    expect(script).toContain('if (err != ERROR_ACCESS_DENIED) throw');
    expect(script).toContain('[OllamaChatBreakaway]::Start($env:OLLAMA_CHAT_RUNNER_LINE)');
    // No path or command is spliced into the code.
    expect(script).not.toMatch(/node\.exe|runner\.mjs|ollama serve/);
    expect(script.split('{').length).toBe(script.split('}').length);
  });
});

describe('commandSpawnFor', () => {
  it('commands run through sh -c, or cmd /c on Windows', () => {
    expect(shellFor('ollama serve', 'linux')).toEqual({ file: '/bin/sh', args: ['-c', 'ollama serve'], verbatim: false });
    expect(shellFor('ollama serve', 'win32', { ComSpec: 'C:\\Windows\\system32\\cmd.exe' })).toEqual({
      file: 'C:\\Windows\\system32\\cmd.exe',
      args: ['/d', '/s', '/c', '"ollama serve"'],
      verbatim: true,
    });
  });

  it('keeps the command attached to the runner, its output piped to the runner', () => {
    const env = { PATH: '/usr/bin' };
    for (const platform of ['linux', 'darwin']) {
      expect(commandSpawnFor(platform, 'ollama serve', env, '/d')).toEqual({
        file: '/bin/sh',
        args: ['-c', 'ollama serve'],
        options: { cwd: '/d', env, detached: false, windowsHide: true, windowsVerbatimArguments: false, stdio: ['ignore', 'pipe', 'pipe'] },
      });
    }
    expect(commandSpawnFor('win32', 'ollama serve', { ComSpec: 'C:\\cmd.exe' }, 'C:\\d')).toEqual({
      file: 'C:\\cmd.exe',
      args: ['/d', '/s', '/c', '"ollama serve"'],
      options: {
        cwd: 'C:\\d',
        env: { ComSpec: 'C:\\cmd.exe' },
        detached: false,
        windowsHide: true,
        windowsVerbatimArguments: true,
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    });
  });
});

describe('a started server', () => {
  it('outlives the host, even when the host’s whole process group is killed', async () => {
    const dir = tempDir();
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    writeConfig(dir, { url, startCommand: fakeOllamaCommand(dir, port), pollIntervalMs: 25 });
    // A group of its own, as a browser starts a host, so that killing it spares the test runner.
    const host = spawn(process.execPath, [HOST], { env: hostEnv(dir), stdio: ['pipe', 'pipe', 'ignore'], detached: true });
    const pid = host.pid ?? 0;
    later(() => {
      try {
        process.kill(-pid, 'SIGKILL');
      } catch {}
    });
    let out = Buffer.alloc(0);
    const replied = new Promise<Array<Record<string, unknown>>>((resolve) => {
      host.stdout.on('data', (d: Buffer) => {
        out = Buffer.concat([out, d]);
        try {
          const replies = parseFrames(out);
          if (replies.length) resolve(replies);
        } catch {} // a frame cut in two: wait for the rest
      });
    });
    host.stdin.write(frame({ id: 1, verb: 'start' })); // stdin stays open: the host is alive until killed
    expect(await replied).toEqual([{ id: 1, ok: true, started: true }]);

    const gone = new Promise((resolve) => host.once('exit', resolve));
    process.kill(-pid, 'SIGKILL');
    await gone;
    expect(await isOllamaUp(url, 1000)).toBe(true);
    const server = Number(readFileSync(join(dir, `fake-${port}.pid`), 'utf8'));
    const groupOf = (p: number) => Number(execFileSync('ps', ['-o', 'pgid=', '-p', String(p)], { encoding: 'utf8' }).trim());
    expect(groupOf(server)).not.toBe(pid);
  });
});
