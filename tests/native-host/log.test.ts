// @vitest-environment node
// The start log is capped: the current part and one older part, each at most the cap, while the
// server runs and across starts.
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../native-host/config.mjs';
import { launch } from '../../native-host/launch.mjs';
import { LOG_MAX_BYTES, RotatingLog } from '../../native-host/rotate.mjs';
import { tempDir, writeConfig } from './helpers';

const size = (p: string) => statSync(p).size;
const text = (p: string) => readFileSync(p, 'utf8');

describe('RotatingLog', () => {
  it('moves a full log to log.1 and starts afresh, keeping at most two parts of at most the cap', () => {
    const dir = tempDir();
    const [path, old] = [join(dir, 'start.log'), join(dir, 'start.log.1')];
    const log = new RotatingLog(path, old, 1000);
    for (let i = 0; i < 10; i++) log.write(Buffer.from(`${String(i).repeat(299)}\n`));
    log.close();
    expect(size(path)).toBeLessThanOrEqual(1000);
    expect(size(old)).toBeLessThanOrEqual(1000);
    expect(text(path)).toBe(`${'9'.repeat(299)}\n`);
    expect(text(old)).toBe(['6', '7', '8'].map((d) => `${d.repeat(299)}\n`).join(''));
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(LOG_MAX_BYTES).toBe(1024 * 1024);
  });

  it('keeps only the end of a chunk larger than the cap', () => {
    const dir = tempDir();
    const log = new RotatingLog(join(dir, 'l'), join(dir, 'l.1'), 100);
    log.write(Buffer.from(`${'x'.repeat(150)}END`));
    log.close();
    expect(text(join(dir, 'l'))).toBe(`${'x'.repeat(97)}END`);
  });
});

/** A data dir and a launch() into it with a small cap. */
function setup(maxBytes: number) {
  const dir = tempDir();
  writeConfig(dir, {});
  const cfg = loadConfig({ OLLAMA_CHAT_HOST_DIR: dir }, process.platform);
  const run = (command: string) => launch(command, { logPath: cfg.logPath, oldLogPath: cfg.oldLogPath, statusPath: cfg.statusPath, cwd: dir, maxBytes });
  return { dir, cfg, run };
}

describe('the start log of a running command', () => {
  it('stays within two parts of the cap however much the command writes', async () => {
    const { cfg, run } = setup(64 * 1024);
    const child = run('i=0; while [ $i -lt 5000 ]; do echo "line $i of a chatty server"; i=$((i+1)); done; exit 3');
    expect(await child.exited).toEqual({ code: 3, signal: null, tail: expect.stringMatching(/line 4999 of a chatty server$/) });
    expect(child.tail().length).toBeLessThanOrEqual(2048);
    expect(child.tail().length).toBeGreaterThan(2000);
    expect(size(cfg.logPath)).toBeLessThanOrEqual(64 * 1024);
    expect(size(cfg.oldLogPath)).toBeLessThanOrEqual(64 * 1024);
    expect(text(cfg.logPath)).toMatch(/line 4999 of a chatty server\n$/);
    expect(existsSync(`${cfg.logPath}.2`)).toBe(false);
  });

  it('starts a new part when the log is already full from earlier starts', async () => {
    const { cfg, run } = setup(4096);
    writeFileSync(cfg.logPath, 'OLD RUN\n'.repeat(512), { mode: 0o600 });
    const child = run('echo second run');
    expect(await child.exited).toMatchObject({ code: 0, tail: 'second run' });
    expect(text(cfg.oldLogPath).startsWith('OLD RUN\n')).toBe(true);
    expect(text(cfg.logPath)).toMatch(/ollama-chat\] running: echo second run\nsecond run\n$/);
  });
});
