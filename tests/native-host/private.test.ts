// @vitest-environment node
// The data dir is the user's alone: 0700, files 0600, and no symlink (planted where the dir, the
// log, the config or a state file should be) is ever followed: the host refuses and says so.
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../native-host/config.mjs';
import { currentUid, ensurePrivateDir, openPrivateAppend, readPrivate, unsafeReason, writePrivate } from '../../native-host/private.mjs';
import { createStarter } from '../../native-host/start.mjs';
import { freePort, q, ROOT, tempDir, writeConfig } from './helpers';

const mode = (p: string) => statSync(p).mode & 0o777;
const uid = currentUid() ?? 0;

describe('ensurePrivateDir', () => {
  it('creates the dir 0700 (parents as usual) and narrows an existing loose one', () => {
    const base = tempDir();
    const dir = join(base, 'share', 'ollama-chat');
    expect(ensurePrivateDir(dir)).toEqual([join(base, 'share'), dir]);
    expect(mode(dir)).toBe(0o700);
    chmodSync(dir, 0o755);
    expect(ensurePrivateDir(dir)).toEqual([]);
    expect(mode(dir)).toBe(0o700);
  });

  it('refuses a symlink, a file, or a dir owned by someone else', () => {
    const base = tempDir();
    const target = join(base, 'elsewhere');
    mkdirSync(target, { mode: 0o755 });
    symlinkSync(target, join(base, 'link'));
    expect(() => ensurePrivateDir(join(base, 'link'))).toThrow(`Refusing to use ${join(base, 'link')}: it is a symbolic link`);
    expect(mode(target)).toBe(0o755); // not narrowed through the link
    writeFileSync(join(base, 'file'), '');
    expect(() => ensurePrivateDir(join(base, 'file'))).toThrow('it is not a directory');
    expect(() => ensurePrivateDir(target, uid + 1)).toThrow(`Refusing to use ${target}: it is owned by another user (uid ${uid})`);
  });

  it('judges an lstat by kind, link and owner', () => {
    const stat = (o: { link?: boolean; dir?: boolean; uid?: number }) => ({
      isSymbolicLink: () => o.link ?? false,
      isDirectory: () => o.dir ?? false,
      isFile: () => !(o.dir ?? false),
      uid: o.uid ?? 501,
    });
    expect(unsafeReason(stat({ dir: true }), 'directory', 501)).toBeNull();
    expect(unsafeReason(stat({ link: true }), 'file', 501)).toBe('is a symbolic link');
    expect(unsafeReason(stat({ uid: 0 }), 'file', 501)).toBe('is owned by another user (uid 0)');
    expect(unsafeReason(stat({ uid: 0 }), 'file', null)).toBeNull(); // Windows: no uids to compare
    expect(unsafeReason(stat({}), 'directory', 501)).toBe('is not a directory');
  });
});

describe('private files', () => {
  it('are written 0600 by rename, never through a planted link', () => {
    const dir = tempDir();
    const victim = join(tempDir(), 'victim');
    writeFileSync(victim, 'precious');
    writePrivate(join(dir, 'state.json'), '{}');
    expect(mode(join(dir, 'state.json'))).toBe(0o600);
    symlinkSync(victim, join(dir, 'planted.json'));
    expect(() => writePrivate(join(dir, 'planted.json'), 'x')).toThrow('it is a symbolic link');
    expect(() => openPrivateAppend(join(dir, 'planted.json'))).toThrow('it is a symbolic link');
    expect(() => readPrivate(join(dir, 'planted.json'))).toThrow('it is a symbolic link');
    expect(readFileSync(victim, 'utf8')).toBe('precious');
    expect(readdirSync(dir).sort()).toEqual(['planted.json', 'state.json']); // no temp file left behind
  });
});

describe('the host', () => {
  it('refuses a data dir that is a symlink, and runs nothing', async () => {
    const real = tempDir();
    const link = join(tempDir(), 'ollama-chat');
    symlinkSync(real, link);
    const marker = join(tempDir(), 'ran');
    writeConfig(real, { url: `http://127.0.0.1:${await freePort()}` });
    const cfg = loadConfig({ OLLAMA_CHAT_HOST_DIR: link, OLLAMA_START_COMMAND: `touch ${q(marker)}` }, process.platform);
    expect(cfg.warnings).toEqual([`Refusing to use ${link}: it is a symbolic link; its settings are ignored`]);
    expect(await createStarter(cfg)()).toEqual({ ok: false, error: `Refusing to use ${link}: it is a symbolic link` });
    expect(existsSync(marker)).toBe(false);
    expect(readdirSync(real)).toEqual(['config.json']);
  });

  it('refuses a start log that is a symlink, leaving its target alone', async () => {
    const dir = tempDir();
    const marker = join(tempDir(), 'ran');
    const victim = join(tempDir(), 'victim');
    writeFileSync(victim, 'precious');
    symlinkSync(victim, join(dir, 'ollama-start.log'));
    writeConfig(dir, { url: `http://127.0.0.1:${await freePort()}`, startCommand: `touch ${q(marker)}` });
    const reply = await createStarter(loadConfig({ OLLAMA_CHAT_HOST_DIR: dir }, process.platform))();
    expect(reply).toEqual({ ok: false, error: `Refusing to use ${join(dir, 'ollama-start.log')}: it is a symbolic link` });
    expect(readFileSync(victim, 'utf8')).toBe('precious');
    expect(existsSync(marker)).toBe(false);
  });

  it('ignores a config.json that is a symlink', () => {
    const dir = tempDir();
    const planted = join(tempDir(), 'config.json');
    writeFileSync(planted, JSON.stringify({ startCommand: 'touch /tmp/pwned' }));
    symlinkSync(planted, join(dir, 'config.json'));
    const cfg = loadConfig({ OLLAMA_CHAT_HOST_DIR: dir }, process.platform);
    expect(cfg.command).toBeNull();
    expect(cfg.refusal).toBe(`Refusing to use ${join(dir, 'config.json')}: it is a symbolic link`);
  });

  it('creates its data dir 0700 and its files 0600', async () => {
    const dir = join(tempDir(), 'fresh', 'ollama-chat');
    const cfg = loadConfig({ OLLAMA_CHAT_HOST_DIR: dir, OLLAMA_START_COMMAND: 'echo nope; exit 2' }, process.platform);
    expect(await createStarter(cfg)()).toEqual({ ok: false, error: 'Failed to start Ollama (exit code 2): nope' });
    expect(mode(dir)).toBe(0o700);
    const files = readdirSync(dir).sort();
    expect(files).toEqual(['last-exit.json', 'last-start.json', 'ollama-start.log']);
    for (const f of files) expect([f, mode(join(dir, f))]).toEqual([f, 0o600]);
  });
});

describe('the installer', () => {
  it('refuses a data dir that is a symlink', () => {
    const home = tempDir('oc-home-');
    const target = tempDir();
    mkdirSync(join(home, '.local', 'share'), { recursive: true });
    symlinkSync(target, join(home, '.local', 'share', 'ollama-chat'));
    const r = spawnSync(process.execPath, [join(ROOT, 'native-host', 'install.mjs'), '--start-command', 'ollama serve', '--browser', 'chrome'], {
      env: { PATH: '/usr/bin:/bin', HOME: home },
      encoding: 'utf8',
    });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`Refusing to use ${join(home, '.local', 'share', 'ollama-chat')}: it is a symbolic link`);
    expect(readdirSync(target)).toEqual([]);
    expect(lstatSync(join(home, '.local', 'share', 'ollama-chat')).isSymbolicLink()).toBe(true);
  });
});
