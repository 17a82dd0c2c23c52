// @vitest-environment node
// The start verb in process, with real commands run by /bin/sh and a fake Ollama on 127.0.0.1.
import { existsSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../native-host/config.mjs';
import { tryLock } from '../../native-host/lock.mjs';
import { busyMessage, createStarter, exitedZeroMessage, exitMessage, NOT_SET, timeoutMessage } from '../../native-host/start.mjs';
import { fakeOllama, fakeOllamaCommand, freePort, later, q, tempDir, writeConfig } from './helpers';

/** A starter for a fresh data dir with this config (fast test timeouts unless given). */
function setup(config: Record<string, unknown>) {
  const dir = tempDir();
  writeConfig(dir, { startTimeoutMs: 3000, pollIntervalMs: 25, ...config });
  const cfg = loadConfig({ OLLAMA_CHAT_HOST_DIR: dir }, process.platform);
  return { dir, cfg, start: createStarter(cfg) };
}
const lines = (file: string) => (existsSync(file) ? readFileSync(file, 'utf8').trim().split('\n').filter(Boolean).length : 0);

describe('error texts', () => {
  it('are the ones the extension shows', () => {
    expect(NOT_SET).toBe('OLLAMA_START_COMMAND is not set');
    expect(timeoutMessage(10_000)).toBe('Ollama started but not responding after 10 seconds');
    expect(timeoutMessage(300)).toBe('Ollama started but not responding after 0.3 seconds');
    expect(exitMessage({ code: 1, signal: null }, 'Error: listen tcp 127.0.0.1:11434: bind: address already in use')).toBe(
      'Failed to start Ollama (exit code 1): Error: listen tcp 127.0.0.1:11434: bind: address already in use',
    );
  });

  it('name a command that ended well, and a start someone else is running, in their own words', () => {
    const url = 'http://127.0.0.1:11434';
    expect(exitedZeroMessage(url, 10_000)).toBe(
      'The start command finished (exit code 0) but Ollama is not answering at http://127.0.0.1:11434 after 10 seconds',
    );
    expect(busyMessage({ pid: 4242, host: 'here' }, url, 'here')).toBe(
      'Another start of Ollama is already in progress (pid 4242) and Ollama is not answering at http://127.0.0.1:11434 yet; try again in a moment',
    );
    expect(busyMessage({ pid: 4242, host: 'nas' }, url, 'here')).toContain('(pid 4242 on nas)');
    expect(busyMessage(null, url)).toContain('(pid unknown)');
  });
});

describe('start', () => {
  it('does nothing when Ollama already answers', async () => {
    const up = await fakeOllama();
    const { dir, start } = setup({ url: up.url, startCommand: `touch ${q(join(tempDir(), 'ran'))}` });
    expect(await start()).toEqual({ ok: true, started: false });
    expect(existsSync(join(dir, 'ollama-start.log'))).toBe(false);
  });

  it('says so when no command is configured', async () => {
    const { start } = setup({ url: `http://127.0.0.1:${await freePort()}` });
    expect(await start()).toEqual({ ok: false, error: 'OLLAMA_START_COMMAND is not set' });
  });

  it('runs the command and answers once /api/tags does', async () => {
    const port = await freePort();
    const { dir, cfg, start } = setup({ url: `http://127.0.0.1:${port}` });
    const { start: s2 } = setup({ url: cfg.url, startCommand: fakeOllamaCommand(dir, port, { delay: 150 }) });
    expect(await start()).toEqual({ ok: false, error: NOT_SET });
    expect(await s2()).toEqual({ ok: true, started: true });
    expect(await s2()).toEqual({ ok: true, started: false });
  });

  it('keeps polling after a command that exits 0 (a service manager, a daemon)', async () => {
    const port = await freePort();
    const dir = tempDir();
    const { start } = setup({ url: `http://127.0.0.1:${port}`, startCommand: `(${fakeOllamaCommand(dir, port, { delay: 200 })}) & exit 0` });
    expect(await start()).toEqual({ ok: true, started: true });
  });

  it('times out with the exact text while the command still runs (shortened timeout)', async () => {
    const marker = join(tempDir(), 'ran');
    const pidFile = join(tempDir(), 'pid');
    later(() => process.kill(Number(readFileSync(pidFile, 'utf8')), 'SIGKILL'));
    const command = `echo $$ > ${q(pidFile)}; touch ${q(marker)}; exec sleep 5`;
    const { start } = setup({ url: `http://127.0.0.1:${await freePort()}`, startCommand: command, startTimeoutMs: 1000 });
    const t0 = Date.now();
    expect(await start()).toEqual({ ok: false, error: 'Ollama started but not responding after 1 second' });
    expect(Date.now() - t0).toBeGreaterThanOrEqual(1000);
    expect(existsSync(marker)).toBe(true);
  });

  it('says so when the command exited 0 and nothing ever answered', async () => {
    const url = `http://127.0.0.1:${await freePort()}`;
    // Long enough for the runner (a node process) to report the exit even on a busy machine.
    const { start } = setup({ url, startCommand: 'echo "service started"', startTimeoutMs: 1500 });
    const t0 = Date.now();
    expect(await start()).toEqual({ ok: false, error: `The start command finished (exit code 0) but Ollama is not answering at ${url} after 1.5 seconds` });
    expect(Date.now() - t0).toBeGreaterThanOrEqual(1500); // a daemon gets the whole timeout to come up
  });

  it('reports a non-zero exit at once, with the tail of this run’s output', async () => {
    const cmd = 'echo partial output; echo boom >&2; exit 3';
    const { dir, start } = setup({ url: `http://127.0.0.1:${await freePort()}`, startCommand: cmd });
    const t0 = Date.now();
    expect(await start()).toEqual({ ok: false, error: 'Failed to start Ollama (exit code 3): partial output\nboom' });
    expect(Date.now() - t0).toBeLessThan(2000);
    expect(readFileSync(join(dir, 'ollama-start.log'), 'utf8')).toContain('partial output');

    const long = setup({ url: `http://127.0.0.1:${await freePort()}`, startCommand: 'echo FIRST; exit 1' });
    expect(await long.start()).toEqual({ ok: false, error: 'Failed to start Ollama (exit code 1): FIRST' });
    writeConfig(long.dir, { url: long.cfg.url, startCommand: "head -c 5000 /dev/zero | tr '\\0' a; echo END; exit 7" });
    const reply = await createStarter(loadConfig({ OLLAMA_CHAT_HOST_DIR: long.dir }, process.platform))();
    const error = String((reply as { error: string }).error);
    expect(error).toMatch(/^Failed to start Ollama \(exit code 7\): a+END$/);
    expect(error).not.toContain('FIRST');
    expect(error.length).toBeLessThan(2048 + 60);
  });

  it('reports a command killed by a signal', async () => {
    const { start } = setup({ url: `http://127.0.0.1:${await freePort()}`, startCommand: 'kill -9 $$' });
    expect(await start()).toEqual({ ok: false, error: 'Failed to start Ollama (killed by SIGKILL): (no output)' });
  });

  it('launches once for concurrent calls in one process', async () => {
    const port = await freePort();
    const dir = tempDir();
    const count = join(dir, 'count');
    const { start } = setup({ url: `http://127.0.0.1:${port}`, startCommand: fakeOllamaCommand(dir, port, { delay: 300, countFile: count }) });
    const replies = await Promise.all([start(), start(), start()]);
    expect(replies).toEqual([
      { ok: true, started: true },
      { ok: true, started: false },
      { ok: true, started: false },
    ]);
    expect(lines(count)).toBe(1);
  });

  it('two starters on one data dir (as two hosts) launch once, thanks to the lock', async () => {
    const port = await freePort();
    const dir = tempDir();
    const count = join(dir, 'count');
    writeConfig(dir, { url: `http://127.0.0.1:${port}`, startCommand: fakeOllamaCommand(dir, port, { delay: 300, countFile: count }), pollIntervalMs: 25 });
    const cfg = loadConfig({ OLLAMA_CHAT_HOST_DIR: dir }, process.platform);
    const replies = await Promise.all([createStarter(cfg)(), createStarter(cfg)()]);
    expect(replies.map((r) => r.ok && r.started).sort()).toEqual([false, true]);
    expect(lines(count)).toBe(1);
  });

  it('a waiting host reports the holder’s failure instead of launching again', async () => {
    const dir = tempDir();
    const count = join(dir, 'count');
    writeConfig(dir, {
      url: `http://127.0.0.1:${await freePort()}`,
      startCommand: `echo started >> ${q(count)}; sleep 0.3; echo nope; exit 4`,
      pollIntervalMs: 25,
    });
    const cfg = loadConfig({ OLLAMA_CHAT_HOST_DIR: dir }, process.platform);
    const replies = await Promise.all([createStarter(cfg)(), createStarter(cfg)()]);
    expect(replies).toEqual([
      { ok: false, error: 'Failed to start Ollama (exit code 4): nope' },
      { ok: false, error: 'Failed to start Ollama (exit code 4): nope' },
    ]);
    expect(lines(count)).toBe(1);
  });
});

describe('lock file', () => {
  it('is exclusive, and only its owner releases it', () => {
    const path = join(tempDir(), 'start.lock');
    const first = tryLock(path, 60_000);
    expect(first.release).toBeTypeOf('function');
    expect(first.tookOver).toBeNull();
    expect(tryLock(path, 60_000)).toEqual({ holder: { pid: process.pid, host: hostname(), ageMs: expect.any(Number) } });
    first.release?.();
    const again = tryLock(path, 60_000);
    expect(again.release).toBeTypeOf('function');
    first.release?.(); // a stale release must not remove the new owner's lock
    expect(tryLock(path, 60_000).release).toBeUndefined();
    again.release?.();
    expect(existsSync(path)).toBe(false);
  });

  it('is broken when its holder is dead or it is too old, saying why; not while a live holder has it', () => {
    const path = join(tempDir(), 'start.lock');
    const dead = 2 ** 22 + 12345;
    writeFileSync(path, JSON.stringify({ pid: dead, host: hostname(), token: 't', at: Date.now() }));
    const fromDead = tryLock(path, 60_000);
    expect(fromDead.tookOver).toMatchObject({ pid: dead, reason: `its holder (pid ${dead}) was no longer running` });
    fromDead.release?.();

    writeFileSync(path, JSON.stringify({ pid: process.ppid, host: hostname(), token: 't', at: Date.now() }));
    expect(tryLock(path, 60_000)).toMatchObject({ holder: { pid: process.ppid } });
    utimesSync(path, new Date(Date.now() - 120_000), new Date(Date.now() - 120_000));
    const fromOld = tryLock(path, 60_000);
    expect(fromOld.release).toBeTypeOf('function');
    expect(fromOld.tookOver).toMatchObject({ pid: process.ppid, reason: 'it was 120 s old' });
  });

  it('while a live holder keeps it, start launches nothing and answers once Ollama does', async () => {
    const { createServer } = await import('node:http');
    const port = await freePort();
    const marker = join(tempDir(), 'ran');
    const { dir, start } = setup({ url: `http://127.0.0.1:${port}`, startCommand: `touch ${q(marker)}`, startTimeoutMs: 2000 });
    writeFileSync(join(dir, 'start.lock'), JSON.stringify({ pid: process.ppid, host: hostname(), token: 't', at: Date.now() }));
    // The holder's Ollama comes up a little later.
    const server = createServer((_req, res) => res.end('{"models":[]}'));
    setTimeout(() => server.listen(port, '127.0.0.1'), 200);
    try {
      expect(await start()).toEqual({ ok: true, started: false });
    } finally {
      server.close();
    }
    expect(existsSync(marker)).toBe(false);
    expect(existsSync(join(dir, 'start.lock'))).toBe(true); // not ours to remove
  });

  it('a fresh lock of another live process that never gets Ollama up: "Another start … (pid N)", not a timeout of ours', async () => {
    const url = `http://127.0.0.1:${await freePort()}`;
    const marker = join(tempDir(), 'ran');
    const { dir, start } = setup({ url, startCommand: `touch ${q(marker)}`, startTimeoutMs: 300 });
    writeFileSync(join(dir, 'start.lock'), JSON.stringify({ pid: process.ppid, host: hostname(), token: 't', at: Date.now() }));
    expect(await start()).toEqual({
      ok: false,
      error: `Another start of Ollama is already in progress (pid ${process.ppid}) and Ollama is not answering at ${url} yet; try again in a moment`,
    });
    expect(existsSync(marker)).toBe(false);
  });

  it('a lock left by a dead host is taken over, and the start log says so', async () => {
    const port = await freePort();
    const dir = tempDir();
    const { start } = setup({ url: `http://127.0.0.1:${port}` });
    const { dir: data, start: s2 } = setup({ url: `http://127.0.0.1:${port}`, startCommand: fakeOllamaCommand(dir, port) });
    const dead = 2 ** 22 + 4321;
    writeFileSync(join(data, 'start.lock'), JSON.stringify({ pid: dead, host: hostname(), token: 't', at: Date.now() }));
    expect(await start()).toEqual({ ok: false, error: NOT_SET });
    expect(await s2()).toEqual({ ok: true, started: true });
    expect(readFileSync(join(data, 'ollama-start.log'), 'utf8')).toContain(`took over a stale start lock (its holder (pid ${dead}) was no longer running)`);
    expect(existsSync(join(data, 'start.lock'))).toBe(false);
  });
});
