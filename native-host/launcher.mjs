// The launcher the manifest points at. Browsers start native hosts with their own environment, not the
// login shell's: `#!/usr/bin/env node` fails when node is not on that PATH, and so would `ollama`.
// So the launcher holds the absolute node path and sets a PATH that finds the usual install places.
import { pathFor } from './config.mjs';

const shQuote = (s) => `'${String(s).replace(/'/g, `'\\''`)}'`;

/** Current PATH first, then the usual places for node/ollama; duplicates dropped. */
export function launcherPath(platform, env, home, execPath) {
  const p = pathFor(platform);
  const sep = platform === 'win32' ? ';' : ':';
  const current = (env.PATH ?? env.Path ?? '').split(sep);
  const extra =
    platform === 'win32'
      ? [p.dirname(execPath), p.join(env.LOCALAPPDATA || p.join(home, 'AppData', 'Local'), 'Programs', 'Ollama')]
      : [p.dirname(execPath), '/usr/local/bin', '/opt/homebrew/bin', '/usr/bin', '/bin', p.join(home, '.local', 'bin')];
  return [...new Set([...current, ...extra].filter(Boolean))].join(sep);
}

/** The launcher's text: a POSIX sh script, or a .bat on Windows. */
export function launcherScript({ platform, env, home, execPath, hostScript, dataDir }) {
  const PATH = launcherPath(platform, env, home, execPath);
  if (platform === 'win32') {
    const bat = (s) => String(s).replace(/%/g, '%%');
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
