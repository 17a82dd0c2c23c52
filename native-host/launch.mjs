// Runs the configured start command detached (own process group), its output going to a log file,
// and reads back the tail of that output when it fails.
import { spawn } from 'node:child_process';
import { closeSync, fstatSync, openSync, readSync, statSync } from 'node:fs';

/** Output kept in a start error reply (the reply must stay far below the 1 MB message limit). */
export const TAIL_BYTES = 2048;
const LOG_MAX_BYTES = 1024 * 1024;

/** How a command line is run: `sh -c` on POSIX, `cmd /c` on Windows (as Node's `shell: true` does). */
export function shellFor(command, platform = process.platform, env = process.env) {
  if (platform === 'win32') {
    return { file: env.ComSpec || 'cmd.exe', args: ['/d', '/s', '/c', `"${command}"`], verbatim: true };
  }
  return { file: '/bin/sh', args: ['-c', command], verbatim: false };
}

/** Last `max` bytes written to `path` after byte `from`, as trimmed text. */
export function readTail(path, from, max = TAIL_BYTES) {
  let fd;
  try {
    fd = openSync(path, 'r');
    const size = fstatSync(fd).size;
    const start = Math.max(from, size - max);
    const buf = Buffer.alloc(Math.max(0, size - start));
    const n = readSync(fd, buf, 0, buf.length, start);
    // A cut multi-byte character at the start decodes to U+FFFD: drop it.
    return buf.subarray(0, n).toString('utf8').replace(/^\uFFFD+/, '').trim();
  } catch {
    return '';
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/**
 * Starts `command` detached and unref'd. Returns {pid, exited, tail}: `exited` resolves with
 * {code, signal, error?} when it ends (a daemonizing command may end with 0 while Ollama runs on);
 * `tail()` is its output so far (this run only).
 */
export function launch(command, { logPath, cwd, platform = process.platform, env = process.env }) {
  let size = 0;
  try {
    size = statSync(logPath).size;
  } catch {}
  const rotate = size > LOG_MAX_BYTES;
  const from = rotate ? 0 : size;
  const fd = openSync(logPath, rotate ? 'w' : 'a', 0o600);
  const { file, args, verbatim } = shellFor(command, platform, env);
  let child;
  try {
    child = spawn(file, args, {
      cwd,
      env,
      detached: true,
      stdio: ['ignore', fd, fd],
      windowsHide: true,
      windowsVerbatimArguments: verbatim,
    });
  } finally {
    closeSync(fd); // the child has its own copy
  }
  const exited = new Promise((resolve) => {
    child.once('exit', (code, signal) => resolve({ code, signal }));
    child.once('error', (err) => resolve({ code: null, signal: null, error: err.message }));
  });
  child.unref();
  return { pid: child.pid, exited, tail: () => readTail(logPath, from) };
}
