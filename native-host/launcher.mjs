// @ts-check
// The launcher the manifest points at. Browsers start native hosts with their own environment, not the
// login shell's: `#!/usr/bin/env node` fails when node is not on that PATH, and so would `ollama`.
// So the launcher holds the absolute node path and sets a PATH of its own: fixed system places plus
// the directories of `ollama` and of the start command's program, as found at install time. Never
// the installer's own PATH: under `npm run` that begins with node_modules/.bin dirs, and whatever
// they hold would then run in place of system tools each time the browser starts the host.
import { pathFor } from './config.mjs';
import { searchable } from './which.mjs';

/** @import { Env } from './config.mjs' */

const shQuote = (/** @type {string} */ s) => `'${String(s).replace(/'/g, `'\\''`)}'`;

/**
 * The system places of each platform, in the order a login shell has them.
 * @param {string} platform
 * @param {Env} [env]
 * @returns {string[]}
 */
export function systemPath(platform, env = {}) {
  if (platform === 'win32') {
    const root = env.SystemRoot || env.SYSTEMROOT || env.windir || 'C:\\Windows';
    return [`${root}\\System32`, root, `${root}\\System32\\Wbem`, `${root}\\System32\\WindowsPowerShell\\v1.0`];
  }
  const base = ['/usr/local/bin', '/usr/bin', '/bin', '/usr/sbin', '/sbin'];
  // Homebrew on Apple silicon; on Intel Macs it uses /usr/local/bin.
  return platform === 'darwin' ? ['/opt/homebrew/bin', ...base] : base;
}

/**
 * The launcher's PATH entries: the found tools' dirs first (so they win), then the system places in their order.
 * @param {string} platform
 * @param {Env} env
 * @param {Array<string | null>} [tools]
 * @returns {string[]}
 */
export function launcherPath(platform, env, tools = []) {
  const p = pathFor(platform);
  const system = systemPath(platform, env);
  const dirs = tools.flatMap((t) => (t ? [p.dirname(t)] : [])).filter((d) => !system.includes(d));
  const sep = platform === 'win32' ? ';' : ':';
  return [...new Set([...dirs, ...system])].filter((d) => searchable(d, platform) && !d.includes(sep));
}

/**
 * The launcher's text: a POSIX sh script, or a .bat on Windows.
 * @param {{ platform: string, execPath: string, hostScript: string, dataDir: string }} ctx
 * @param {string[]} entries
 */
export function launcherScript({ platform, execPath, hostScript, dataDir }, entries) {
  const PATH = entries.join(platform === 'win32' ? ';' : ':');
  if (platform === 'win32') {
    const bat = (/** @type {string} */ s) => String(s).replace(/%/g, '%%');
    return [
      '@echo off',
      'rem Ollama Chat native-messaging host launcher, written by native-host/install.mjs.',
      `set "PATH=${bat(PATH)}"`,
      `set "OLLAMA_CHAT_HOST_DIR=${bat(dataDir)}"`,
      `"${bat(execPath)}" "${bat(hostScript)}" %*`,
      '',
    ].join('\r\n');
  }
  return [
    '#!/bin/sh',
    '# Ollama Chat native-messaging host launcher, written by native-host/install.mjs.',
    '# The browser starts hosts without your shell PATH: node is absolute, PATH is set for `ollama`.',
    `PATH=${shQuote(PATH)}`,
    'export PATH',
    `OLLAMA_CHAT_HOST_DIR=${shQuote(dataDir)}`,
    'export OLLAMA_CHAT_HOST_DIR',
    `exec ${shQuote(execPath)} ${shQuote(hostScript)} "$@"`,
    '',
  ].join('\n');
}
