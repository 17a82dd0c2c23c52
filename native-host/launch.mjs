// Starts the runner (runner.mjs), which runs the configured command on its own and outlives the host,
// and follows it through the status file the runner writes when the command ends.
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { unlinkSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { checkPrivate, readPrivate } from './private.mjs';
import { LOG_MAX_BYTES } from './rotate.mjs';
import { spawnOptionsFor } from './spawn.mjs';

const RUNNER = fileURLToPath(new URL('./runner.mjs', import.meta.url));
const STATUS_POLL_MS = 50;

/** The runner's report for `run`: {code, signal, error?, tail}, or null before there is one. */
function readStatus(path, run) {
  try {
    const s = JSON.parse(readPrivate(path));
    if (s?.run !== run) return null;
    return { code: s.code ?? null, signal: s.signal ?? null, ...(s.error ? { error: String(s.error) } : {}), tail: String(s.tail ?? '') };
  } catch {
    return null;
  }
}

/**
 * Starts `command` through the runner. Returns {exited, tail}: `exited` resolves with
 * {code, signal, error?} when the command ends (a daemonizing command may end with 0 while Ollama
 * runs on); `tail()` is the end of its output, once it has ended (this run only); `stop()` ends
 * the watching (the command runs on).
 * Throws UnsafePathError when the log is a symlink or not ours, before anything runs.
 */
export function launch(command, opts) {
  const { logPath, oldLogPath, statusPath, cwd, note = null } = opts;
  const { platform = process.platform, env = process.env, execPath = process.execPath, maxBytes = LOG_MAX_BYTES } = opts;
  // The runner would refuse these too, but only the host can put the refusal in this start's reply.
  checkPrivate(logPath, 'file');
  checkPrivate(oldLogPath, 'file');
  checkPrivate(statusPath, 'file');
  try {
    unlinkSync(statusPath);
  } catch {}
  const run = randomUUID();
  const spec = { run, command, logPath, oldLogPath, statusPath, maxBytes, note };
  const { file, args, options, trampoline } = spawnOptionsFor(platform, { execPath, runnerPath: RUNNER, env, cwd, spec });
  let status = null;
  let output = '';
  const child = spawn(file, args, options);
  child.stdout?.on('data', (d) => {
    output += d;
  });
  child.stderr?.on('data', (d) => {
    output += d;
  });
  let timer;
  const exited = new Promise((resolve) => {
    const done = (exit) => {
      clearInterval(timer);
      resolve(exit);
    };
    const poll = () => {
      status ??= readStatus(statusPath, run);
      if (status) done(status);
      return status;
    };
    timer = setInterval(poll, STATUS_POLL_MS);
    timer.unref?.();
    child.once('error', (err) => done({ code: null, signal: null, error: err.message }));
    child.once('exit', (code, signal) => {
      if (poll()) return;
      // A trampoline that worked has nothing more to say: the runner reports from now on.
      if (trampoline && code === 0) return;
      const how = code !== null ? `exit code ${code}` : signal;
      const what = trampoline ? `PowerShell could not start the runner (${how})` : `the runner ended (${how}) without a report`;
      done({ code: null, signal: null, error: `${what} ${output.trim().slice(-500)}`.trim() });
    });
  });
  child.unref();
  return { exited, tail: () => status?.tail ?? '', stop: () => clearInterval(timer) };
}
