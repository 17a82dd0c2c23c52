// @vitest-environment node
// install / uninstall / doctor with a temp HOME (the real CLIs), macOS paths, and the Windows code
// path through an in-memory file system and an injected `reg` runner.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { InstallerFs, Runner } from '../../native-host/context.mjs';
import { install } from '../../native-host/install.mjs';
import { uninstall } from '../../native-host/uninstall.mjs';
import { ROOT, tempDir } from './helpers';

const ORIGIN = 'chrome-extension://mbcjnhboajekpfnlfaeommegidfehgna/';
const GECKO = 'ollama-chat@ollama-chat.dev';
const DESCRIPTION = 'Ollama Chat: checks and starts the local Ollama server';

function cli(script: string, home: string, args: string[] = []) {
  const r = spawnSync(process.execPath, [join(ROOT, 'native-host', script), ...args], {
    // No ollama on this PATH, whatever the machine has: the launcher's PATH is then the system places only.
    env: { PATH: '/usr/bin:/bin', HOME: home },
    encoding: 'utf8',
    timeout: 10_000,
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}
/** Every path under `dir` (files and directories), relative, sorted. */
function tree(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((p) => relative(dir, join(dir, p)))
    .sort();
}
const json = (path: string) => JSON.parse(readFileSync(path, 'utf8'));

describe('install / doctor / uninstall (Linux, temp HOME)', () => {
  it('installs for chrome, chromium and firefox with exact manifests, passes doctor, and uninstalls to nothing', () => {
    const home = tempDir('oc-home-');
    mkdirSync(join(home, '.config', 'chromium'), { recursive: true }); // a browser profile that was here before
    writeFileSync(join(home, '.config', 'keep.txt'), 'not ours');
    const before = tree(home);

    const r = cli('install.mjs', home, ['--start-command', 'ollama serve', '--browser', 'chrome,chromium', '--browser', 'firefox']);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const dataDir = join(home, '.local', 'share', 'ollama-chat');
    const launcher = join(dataDir, 'ollama_chat_host');
    expect(r.out).toContain(launcher);

    const chromium = { name: 'ollama_chat', description: DESCRIPTION, path: launcher, type: 'stdio', allowed_origins: [ORIGIN] };
    expect(json(join(home, '.config', 'google-chrome', 'NativeMessagingHosts', 'ollama_chat.json'))).toEqual(chromium);
    expect(json(join(home, '.config', 'chromium', 'NativeMessagingHosts', 'ollama_chat.json'))).toEqual(chromium);
    expect(json(join(home, '.mozilla', 'native-messaging-hosts', 'ollama_chat.json'))).toEqual({
      name: 'ollama_chat',
      description: DESCRIPTION,
      path: launcher,
      type: 'stdio',
      allowed_extensions: [GECKO],
    });
    expect(json(join(dataDir, 'config.json'))).toEqual({ startCommand: 'ollama serve', url: 'http://127.0.0.1:11434' });

    const script = readFileSync(launcher, 'utf8');
    expect(script.startsWith('#!/bin/sh\n')).toBe(true);
    expect(script).toContain(`exec '${process.execPath}' '${join(ROOT, 'native-host', 'host.mjs')}' "$@"`);
    const PATH = /^PATH='([^']*)'$/m.exec(script)?.[1]?.split(':') ?? [];
    expect(PATH).toEqual(['/usr/local/bin', '/usr/bin', '/bin', '/usr/sbin', '/sbin']);
    expect(script).toContain(`OLLAMA_CHAT_HOST_DIR='${dataDir}'`);
    expect(statSync(launcher).mode & 0o777).toBe(0o700);
    expect(statSync(dataDir).mode & 0o777).toBe(0o700);
    expect(statSync(join(dataDir, 'config.json')).mode & 0o777).toBe(0o600);
    expect(statSync(join(dataDir, 'installed.json')).mode & 0o777).toBe(0o600);

    const doc = cli('doctor.mjs', home);
    expect(doc.code).toBe(0);
    expect(doc.out).toContain('Command:    ollama serve  (from config)');
    expect(doc.out).toContain('            PATH /usr/local/bin:/usr/bin:/bin:/usr/sbin:/sbin\n');
    expect(doc.out).toMatch(/Host ping: {2}ok \(version 0\.1\.0, \d+ ms\)/);
    expect(doc.out).toMatch(/firefox +ok /);
    expect(doc.out).toMatch(/edge +not installed/);
    expect(doc.out).toContain('Ollama:     not answering at http://127.0.0.1:11434');
    expect(doc.out).toContain('Healthy.');

    const un = cli('uninstall.mjs', home);
    expect(un.code).toBe(0);
    expect(un.out).toContain('Removed:');
    expect(tree(home)).toEqual(before);
    expect(cli('uninstall.mjs', home).out).toContain('Nothing to remove');
  });

  it('installs for the browsers this user has when --browser is not given', () => {
    const home = tempDir('oc-home-');
    mkdirSync(join(home, '.mozilla'));
    mkdirSync(join(home, '.config', 'BraveSoftware', 'Brave-Browser'), { recursive: true });
    expect(cli('install.mjs', home, ['--start-command', 'ollama serve']).code).toBe(0);
    const installed = tree(home).filter((p) => p.endsWith('ollama_chat.json'));
    expect(installed).toEqual([
      '.config/BraveSoftware/Brave-Browser/NativeMessagingHosts/ollama_chat.json',
      '.mozilla/native-messaging-hosts/ollama_chat.json',
    ]);
  });

  it('--user-data-dir installs only into DIR/NativeMessagingHosts, and uninstall finds it', () => {
    const home = tempDir('oc-home-');
    const profile = join(home, 'profile');
    const r = cli('install.mjs', home, ['--start-command', 'ollama serve', '--url', 'http://localhost:11500/', '--user-data-dir', profile]);
    expect(r.code).toBe(0);
    expect(tree(home).filter((p) => p.endsWith('.json'))).toEqual([
      '.local/share/ollama-chat/config.json',
      '.local/share/ollama-chat/installed.json',
      'profile/NativeMessagingHosts/ollama_chat.json',
    ]);
    expect(json(join(profile, 'NativeMessagingHosts', 'ollama_chat.json')).allowed_origins).toEqual([ORIGIN]);
    expect(json(join(home, '.local', 'share', 'ollama-chat', 'config.json')).url).toBe('http://localhost:11500');
    expect(cli('doctor.mjs', home).code).toBe(0);
    cli('uninstall.mjs', home);
    expect(tree(home)).toEqual([]);
  });

  it('doctor exits 1 when nothing is installed or a manifest is wrong; uninstall keeps manifests that are not ours', () => {
    const home = tempDir('oc-home-');
    const none = cli('doctor.mjs', home);
    expect(none.code).toBe(1);
    expect(none.out).toContain('no start command');
    expect(none.out).toContain('launcher missing');
    expect(none.out).toContain('no host manifest installed');
    // Words, not the count of problems so far (it once printed "Launcher:   2").
    const launcherLine = (out: string) => /^Launcher: +(.*)$/m.exec(out)?.[1];
    expect(launcherLine(none.out)).toBe(`MISSING (${join(home, '.local', 'share', 'ollama-chat', 'ollama_chat_host')})`);

    cli('install.mjs', home, ['--start-command', 'ollama serve', '--browser', 'chrome']);
    const manifest = join(home, '.config', 'google-chrome', 'NativeMessagingHosts', 'ollama_chat.json');
    writeFileSync(manifest, JSON.stringify({ ...json(manifest), allowed_origins: ['chrome-extension://mbcjnhboajekpfnlfaeommegidfehgna'] }));
    const bad = cli('doctor.mjs', home);
    expect(bad.code).toBe(1);
    expect(bad.out).toMatch(/chrome +INVALID/);
    expect(bad.out).toContain(`allowed_origins lacks ${ORIGIN}`);

    const launcher = join(home, '.local', 'share', 'ollama-chat', 'ollama_chat_host');
    const original = readFileSync(launcher, 'utf8');
    writeFileSync(launcher, '#!/bin/sh\necho hello\n');
    expect(launcherLine(cli('doctor.mjs', home).out)).toBe(`NOT OURS (${launcher})`);
    writeFileSync(launcher, original);

    writeFileSync(manifest, JSON.stringify({ ...json(manifest), path: '/opt/other/host' }));
    expect(cli('uninstall.mjs', home).out).toContain(`${manifest} (not written by this installation`);
    expect(tree(home)).toEqual([
      '.config',
      '.config/google-chrome',
      '.config/google-chrome/NativeMessagingHosts',
      '.config/google-chrome/NativeMessagingHosts/ollama_chat.json',
    ]);
  });

  it('refuses bad arguments with a message and exit code 1', () => {
    const home = tempDir('oc-home-');
    expect(cli('install.mjs', home, [])).toMatchObject({ code: 1, err: expect.stringContaining('--start-command is required') });
    expect(cli('install.mjs', home, ['--start-command', 'x', '--browser', 'safari'])).toMatchObject({
      code: 1,
      err: expect.stringContaining('Unknown browser "safari"'),
    });
    expect(cli('install.mjs', home, ['--start-command', 'x', '--browser', 'firefox', '--user-data-dir', home]).err).toContain('Chromium-family browsers only');
    expect(cli('install.mjs', home, ['--start-command', 'x', '--url', 'ftp://x']).err).toContain('Not an http(s) URL');
    expect(tree(home)).toEqual([]);
  });

  it('an old config whose start command is not text is not reused (it used to crash install)', () => {
    const home = tempDir('oc-home-');
    const dataDir = join(home, '.local', 'share', 'ollama-chat');
    mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    writeFileSync(join(dataDir, 'config.json'), JSON.stringify({ startCommand: 42, url: 'http://127.0.0.1:11434' }));
    expect(cli('install.mjs', home, ['--browser', 'chromium'])).toMatchObject({ code: 1, err: expect.stringContaining('--start-command is required') });
    const r = cli('install.mjs', home, ['--browser', 'chromium', '--start-command', 'ollama serve']);
    expect(r).toMatchObject({ code: 0, err: '' });
    expect(json(join(dataDir, 'config.json'))).toMatchObject({ startCommand: 'ollama serve' });
  });
});

describe('install on macOS', () => {
  it('writes to ~/Library/Application Support', () => {
    const home = tempDir('oc-home-');
    const plan = install(
      { startCommand: 'ollama serve', browsers: ['chrome', 'edge', 'brave', 'vivaldi', 'chromium', 'firefox'] },
      { platform: 'darwin', env: { HOME: home } },
    );
    const support = join(home, 'Library', 'Application Support');
    expect(plan.launcher.path).toBe(join(support, 'ollama-chat', 'ollama_chat_host'));
    expect(plan.manifests.map((m) => relative(support, m.path))).toEqual([
      'Google/Chrome/NativeMessagingHosts/ollama_chat.json',
      'Microsoft Edge/NativeMessagingHosts/ollama_chat.json',
      'BraveSoftware/Brave-Browser/NativeMessagingHosts/ollama_chat.json',
      'Vivaldi/NativeMessagingHosts/ollama_chat.json',
      'Chromium/NativeMessagingHosts/ollama_chat.json',
      'Mozilla/NativeMessagingHosts/ollama_chat.json',
    ]);
    expect(plan.registry).toEqual([]);
    uninstall({}, { platform: 'darwin', env: { HOME: home } });
    expect(tree(home)).toEqual([]);
  });
});

describe('install on Windows (injected fs and reg runner)', () => {
  function memoryFs() {
    const files = new Map<string, string>();
    const dirs = new Set<string>();
    const fs: InstallerFs = {
      exists: (p) => files.has(p) || dirs.has(p),
      read: (p) => {
        const text = files.get(p);
        if (text === undefined) throw new Error(`ENOENT ${p}`);
        return text;
      },
      write: (p, text) => void files.set(p, text),
      mkdirp: (dir) => {
        const created: string[] = [];
        for (let d = dir; !dirs.has(d) && d.includes('\\'); d = d.slice(0, d.lastIndexOf('\\'))) created.unshift(d);
        for (const d of created) dirs.add(d);
        return created;
      },
      privateDir: (dir) => fs.mkdirp(dir),
      remove: (p) => files.delete(p),
      rmdirIfEmpty: (d) => [...files.keys(), ...dirs].every((p) => !p.startsWith(`${d}\\`)) && dirs.delete(d),
    };
    return { fs, files, dirs };
  }

  it('writes the manifests, a .bat launcher and HKCU keys via reg add; uninstall deletes them', () => {
    const { fs, files, dirs } = memoryFs();
    const calls: string[][] = [];
    const run: Runner = (file, args) => {
      calls.push([file, ...args]);
      return { status: 0, stdout: '', stderr: '' };
    };
    const env = { USERPROFILE: 'C:\\Users\\Ann', LOCALAPPDATA: 'C:\\Users\\Ann\\AppData\\Local', PATH: 'C:\\Windows\\system32;C:\\Program Files\\nodejs' };
    const ollamaExe = 'C:\\Users\\Ann\\AppData\\Local\\Programs\\Ollama\\ollama.exe'; // where Ollama's installer puts it
    files.set(ollamaExe, '');
    const deps = {
      platform: 'win32',
      env,
      fs,
      run,
      execPath: 'C:\\Program Files\\nodejs\\node.exe',
      hostScript: 'C:\\src\\ollama-chat\\native-host\\host.mjs',
    };
    const plan = install({ startCommand: 'ollama serve', browsers: ['chrome', 'chromium', 'edge', 'brave', 'vivaldi', 'firefox'] }, deps);

    const data = 'C:\\Users\\Ann\\AppData\\Local\\ollama-chat';
    const m = (b: string) => `${data}\\manifests\\${b}\\ollama_chat.json`;
    const reg = (key: string, b: string) => [
      'reg',
      'add',
      `HKCU\\Software\\${key}\\NativeMessagingHosts\\ollama_chat`,
      '/ve',
      '/t',
      'REG_SZ',
      '/d',
      m(b),
      '/f',
    ];
    expect(calls).toEqual([
      reg('Google\\Chrome', 'chrome'),
      reg('Chromium', 'chromium'),
      reg('Microsoft\\Edge', 'edge'),
      reg('BraveSoftware\\Brave-Browser', 'brave'),
      reg('Mozilla', 'firefox'),
    ]);
    expect(plan.launcher.path).toBe(`${data}\\ollama_chat_host.bat`);
    expect(JSON.parse(files.get(m('firefox')) ?? '')).toMatchObject({ path: `${data}\\ollama_chat_host.bat`, allowed_extensions: [GECKO] });
    expect(JSON.parse(files.get(m('edge')) ?? '')).toMatchObject({ path: `${data}\\ollama_chat_host.bat`, allowed_origins: [ORIGIN] });
    const bat = files.get(`${data}\\ollama_chat_host.bat`) ?? '';
    expect(bat.split('\r\n')).toEqual([
      '@echo off',
      'rem Ollama Chat native-messaging host launcher, written by native-host/install.mjs.',
      'set "PATH=C:\\Users\\Ann\\AppData\\Local\\Programs\\Ollama;C:\\Windows\\System32;C:\\Windows;C:\\Windows\\System32\\Wbem;C:\\Windows\\System32\\WindowsPowerShell\\v1.0"',
      `set "OLLAMA_CHAT_HOST_DIR=${data}"`,
      '"C:\\Program Files\\nodejs\\node.exe" "C:\\src\\ollama-chat\\native-host\\host.mjs" %*',
      '',
    ]);

    calls.length = 0;
    const { removed } = uninstall({}, deps);
    expect(calls).toEqual(
      ['Google\\Chrome', 'Chromium', 'Microsoft\\Edge', 'BraveSoftware\\Brave-Browser', 'Mozilla'].map((k) => [
        'reg',
        'delete',
        `HKCU\\Software\\${k}\\NativeMessagingHosts\\ollama_chat`,
        '/f',
      ]),
    );
    expect(removed).toContain(data);
    expect([...files.keys()]).toEqual([ollamaExe]);
    expect([...dirs].filter((d) => d.startsWith(data))).toEqual([]);
  });

  it('stops when reg add fails', () => {
    const { fs } = memoryFs();
    const run: Runner = () => ({ status: 1, stdout: '', stderr: 'ERROR: Access is denied.' });
    expect(() => install({ startCommand: 'ollama serve', browsers: ['chrome'] }, { platform: 'win32', env: { LOCALAPPDATA: 'C:\\L' }, fs, run })).toThrow(
      'reg add HKCU\\Software\\Google\\Chrome\\NativeMessagingHosts\\ollama_chat failed: ERROR: Access is denied.',
    );
  });
});
