// @vitest-environment node
// The generated sh installer, run for real with a temporary HOME: it installs the sh host where each
// browser looks, the host answers over stdio, doctor says all is well, uninstall removes it all.
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type InstallerTarget, shInstaller } from '../../lib/autostart/installer';
import { fakeOllama, frame, ROOT, runHost, tempDir } from './helpers';

const sh = (name: string) => readFileSync(join(ROOT, 'native-host', 'sh', name), 'utf8');
const FILES = { hostSh: sh('host.sh'), startSh: sh('start.sh'), jsonAwk: sh('json.awk'), setupSh: sh('setup.sh') };
const CHROME: InstallerTarget = { browser: 'chrome', extensionId: 'abcdefghijklmnopabcdefghijklmnop', version: '0.1.0' };
const FIREFOX: InstallerTarget = { browser: 'firefox', extensionId: 'ollama-chat@ollama-chat.dev', version: '0.1.0' };

function setup(target: InstallerTarget, pathFirst?: string) {
  const home = tempDir('oc-home-');
  const file = join(home, 'Downloads', 'ollama-chat-setup.sh');
  mkdirSync(join(home, 'Downloads'));
  writeFileSync(file, shInstaller(target, FILES));
  // A browser-like PATH without node: the installer and the host must not need it.
  const env = { HOME: home, PATH: `${pathFirst ? `${pathFirst}:` : ''}/usr/local/bin:/usr/bin:/bin` };
  const run = (...args: string[]) => spawnSync('sh', [file, ...args], { env, encoding: 'utf8' });
  return { home, run, env, dataDir: join(home, '.local', 'share', 'ollama-chat') };
}

describe('the generated sh installer', () => {
  it('installs for Chrome-family browsers that exist (Chrome when none does), and the host answers', async () => {
    const { home, run, env, dataDir } = setup(CHROME);
    mkdirSync(join(home, '.config', 'chromium'), { recursive: true });
    const ollama = await fakeOllama();
    const r = run('--start-command', "echo 'it''s \"quoted\"'", '--url', ollama.url);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const host = join(dataDir, 'ollama_chat_host');
    const manifest = JSON.parse(readFileSync(join(home, '.config', 'chromium', 'NativeMessagingHosts', 'ollama_chat.json'), 'utf8'));
    expect(manifest).toEqual({
      name: 'ollama_chat',
      description: expect.any(String),
      path: host,
      type: 'stdio',
      allowed_origins: ['chrome-extension://abcdefghijklmnopabcdefghijklmnop/'],
    });
    expect(existsSync(join(home, '.config', 'google-chrome'))).toBe(false);
    expect(statSync(host).mode & 0o777).toBe(0o700);
    expect(statSync(dataDir).mode & 0o777).toBe(0o700);
    const answer = await runHost({ ...env }, [frame({ id: 1, verb: 'ping' }), frame({ id: 2, verb: 'status' })], 8000, [host, []]);
    expect(answer.replies).toEqual([
      { id: 1, ok: true, version: '0.1.0', host: 'ollama_chat' },
      { id: 2, ok: true, running: true, url: ollama.url, command: `echo 'it''s "quoted"'` },
    ]);
    const doctor = run('doctor');
    expect(doctor.stdout).toContain('\n  {"ok":true,"version":"0.1.0","host":"ollama_chat"}\n');
    expect(doctor.stdout).toContain('All good.');
    expect(doctor.status).toBe(0);
    const gone = run('uninstall');
    expect(gone.status).toBe(0);
    expect(existsSync(join(home, '.config', 'chromium', 'NativeMessagingHosts', 'ollama_chat.json'))).toBe(false);
    expect(existsSync(dataDir)).toBe(false);
    expect(run('doctor').status).toBe(1);
  });

  it('installs for Firefox under ~/.mozilla and for a Chromium profile given with --user-data-dir', () => {
    const ff = setup(FIREFOX);
    expect(ff.run('--start-command', 'ollama serve').status).toBe(0);
    const m = JSON.parse(readFileSync(join(ff.home, '.mozilla', 'native-messaging-hosts', 'ollama_chat.json'), 'utf8'));
    expect(m.allowed_extensions).toEqual(['ollama-chat@ollama-chat.dev']);
    expect(m.allowed_origins).toBeUndefined();
    const cr = setup(CHROME);
    const profile = tempDir('oc-profile-');
    expect(cr.run('--start-command', 'ollama serve', '--user-data-dir', profile).status).toBe(0);
    expect(existsSync(join(profile, 'NativeMessagingHosts', 'ollama_chat.json'))).toBe(true);
    expect(existsSync(join(cr.home, '.config'))).toBe(false);
  });

  it("finds ollama on the PATH and starts it by its absolute path (the browser runs the helper without your shell's PATH)", () => {
    const bin = tempDir('oc-bin with space-');
    writeFileSync(join(bin, 'ollama'), '#!/bin/sh\nexit 0\n');
    chmodSync(join(bin, 'ollama'), 0o755);
    const { run, dataDir } = setup(FIREFOX, bin);
    const r = run();
    expect(r.status).toBe(0);
    expect(JSON.parse(readFileSync(join(dataDir, 'config.json'), 'utf8'))).toEqual({ startCommand: `'${join(bin, 'ollama')}' serve` });
    expect(r.stdout).toContain(`It starts Ollama with: '${join(bin, 'ollama')}' serve`);
  });

  it('says so, and installs nothing, when Ollama is not found and no start command is given', () => {
    const { run, dataDir } = setup(CHROME);
    const r = run();
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('Ollama was not found');
    expect(existsSync(dataDir)).toBe(false);
  });
});
