// @vitest-environment node
// The launcher's PATH: system places plus the dirs of ollama and the start command's program, never
// the installer's own PATH (under `npm run` it begins with node_modules/.bin dirs), never a relative
// or empty entry.
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { install } from '../../native-host/install.mjs';
import { launcherPath, systemPath } from '../../native-host/launcher.mjs';
import { programOf } from '../../native-host/which.mjs';
import { ROOT, tempDir } from './helpers';

const LINUX = ['/usr/local/bin', '/usr/bin', '/bin', '/usr/sbin', '/sbin'];

/** An executable stub named `name` in `dir`. */
function program(dir: string, name: string): string {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, name);
  writeFileSync(file, '#!/bin/sh\necho stub\n');
  chmodSync(file, 0o755);
  return file;
}

/** Runs the real installer CLI with this PATH (as `npm run host:install` would); the launcher's PATH entries. */
function installWith(home: string, PATH: string, args: string[] = []) {
  const r = spawnSync(process.execPath, [join(ROOT, 'native-host', 'install.mjs'), '--browser', 'chrome', ...args], {
    env: { PATH, HOME: home, npm_lifecycle_event: 'host:install', npm_config_prefix: join(home, 'npm') },
    encoding: 'utf8',
  });
  const script = r.status === 0 ? readFileSync(join(home, '.local', 'share', 'ollama-chat', 'ollama_chat_host'), 'utf8') : '';
  return { ...r, PATH: /^PATH='([^']*)'$/m.exec(script)?.[1]?.split(':') ?? null };
}

describe('the launcher PATH', () => {
  it('keeps npm’s node_modules/.bin chain and relative or empty entries of the installer’s PATH out', () => {
    const home = tempDir('oc-home-');
    const project = join(home, 'src', 'ollama-chat');
    const tools = join(home, 'tools');
    // Decoys that must not be picked though they come first.
    program(join(project, 'node_modules', '.bin'), 'ollama');
    program(join(project, 'node_modules', '.bin'), 'vite');
    const ollama = program(tools, 'ollama');
    const npmPath = [
      join(project, 'node_modules', '.bin'),
      join(home, 'src', 'node_modules', '.bin'),
      '/node_modules/.bin',
      '/usr/lib/node_modules/npm/node_modules/@npmcli/run-script/lib/node-gyp-bin',
      'relative/bin',
      '',
      '.',
      tools,
      '/usr/bin',
      '/bin',
    ].join(':');
    const r = installWith(home, npmPath, ['--start-command', 'ollama serve']);
    expect(r.stderr).toBe('');
    expect(r.PATH).toEqual([tools, ...LINUX]);
    expect(r.stdout).toContain(`ollama:  ${ollama}`);
    expect(r.stdout).toContain(`PATH:    ${[tools, ...LINUX].join(':')}`);
  });

  it('is the system places alone when no ollama is found, and says how to name one', () => {
    const home = tempDir('oc-home-');
    const r = installWith(home, `${join(home, 'node_modules', '.bin')}:/usr/bin:/bin`, ['--start-command', 'ollama serve']);
    expect(r.PATH).toEqual(LINUX);
    expect(r.stdout).toContain('ollama:  not found (if the start command needs it, re-run with --ollama /path/to/ollama)');
  });

  it('adds the dir of an absolute start command, of ~/.local/bin/ollama, or of --ollama', () => {
    const home = tempDir('oc-home-');
    const serve = program(join(home, 'opt', 'ollama', 'bin'), 'ollama');
    expect(installWith(home, '/usr/bin:/bin', ['--start-command', `'${serve}' serve`]).PATH).toEqual([join(home, 'opt', 'ollama', 'bin'), ...LINUX]);

    const local = program(join(home, '.local', 'bin'), 'ollama');
    expect(installWith(home, '/usr/bin:/bin', ['--start-command', 'OLLAMA_HOST=127.0.0.1:11500 ollama serve']).PATH).toEqual([
      join(home, '.local', 'bin'),
      ...LINUX,
    ]);

    const chosen = program(join(home, 'chosen'), 'ollama');
    const r = installWith(home, '/usr/bin:/bin', ['--start-command', 'systemctl --user start ollama', '--ollama', chosen]);
    expect(r.PATH).toEqual([join(home, 'chosen'), ...LINUX]);
    expect(local).not.toBe(chosen);

    expect(installWith(home, '/usr/bin:/bin', ['--start-command', 'x', '--ollama', 'bin/ollama'])).toMatchObject({
      status: 1,
      stderr: expect.stringContaining('--ollama must be an absolute path'),
    });
    const npmOllama = program(join(home, 'node_modules', '.bin'), 'ollama');
    expect(installWith(home, '/usr/bin:/bin', ['--start-command', 'x', '--ollama', npmOllama]).stderr).toContain('must not be inside node_modules');
  });

  it('has Homebrew’s places on macOS and the system dirs on Windows', () => {
    const home = tempDir('oc-home-');
    const plan = install(
      { startCommand: 'brew services start ollama', browsers: ['chrome'] },
      { platform: 'darwin', env: { HOME: home, PATH: '/usr/bin:/bin' } },
    );
    expect(plan.launcher.PATH).toEqual(['/opt/homebrew/bin', '/usr/local/bin', '/usr/bin', '/bin', '/usr/sbin', '/sbin']);
    expect(systemPath('win32', { SystemRoot: 'D:\\Win' })).toEqual([
      'D:\\Win\\System32',
      'D:\\Win',
      'D:\\Win\\System32\\Wbem',
      'D:\\Win\\System32\\WindowsPowerShell\\v1.0',
    ]);
    expect(launcherPath('win32', {}, ['C:\\Tools\\ollama.exe', 'rel\\x.exe', 'C:\\a;b\\ollama.exe'])).toEqual(['C:\\Tools', ...systemPath('win32', {})]);
  });

  it('reads the program of a start command past quotes and NAME=value words', () => {
    expect(programOf('ollama serve')).toBe('ollama');
    expect(programOf(`"/Applications/Ollama App/ollama" serve`)).toBe('/Applications/Ollama App/ollama');
    expect(programOf('OLLAMA_HOST=0.0.0.0 OLLAMA_MODELS=/m ollama serve')).toBe('ollama');
    expect(programOf('  ')).toBeNull();
  });
});
