// @ts-check
// Starts the runner (runner.mjs), which runs the configured command on its own and outlives the host,
// and follows it through the status file the runner writes when the command ends.
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { unlinkSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { checkPrivate, readPrivate } from './private.mjs';
import { LOG_MAX_BYTES } from './rotate.mjs';
import { spawnOptionsFor } from './spawn.mjs';

/** @import { Env } from './config.mjs' */
/**
 * How the command ended: its exit code or signal, or why it could not run.
 * @typedef {{ code: number | null, signal: string | null, error?: string }} Exit
 */
/**
 * A launched command: `exited` resolves when it ends; `tail()` is the end of its output once it has
 * ended (this run only); `stop()` ends the watching (the command runs on).
 * @typedef {{ exited: Promise<Exit>, tail(): string, stop(): void }} Launched
 */
/**
 * What the runner is told to do, through its environment (spawn.mjs, SPEC_VAR).
 * @typedef {object} RunnerSpec
 * @property {string} run this launch's id, echoed in the status file
 * @property {string} command
 * @property {string} logPath
 * @property {string} oldLogPath
 * @property {string} statusPath
 * @property {number} maxBytes
 * @property {string | null} note
 */
/**
 * @typedef {object} LaunchOptions
 * @property {string} logPath
 * @property {string} oldLogPath
 * @property {string} statusPath
 * @property {string} cwd
 * @property {string | null} [note] a line for the log before the command's output
 * @property {string} [platform]
 * @property {Env} [env]
 * @property {string} [execPath]
 * @property {number} [maxBytes]
 */

const RUNNER = fileURLToPath(new URL('./runner.mjs', import.meta.url));
const STATUS_POLL_MS = 50;

/**
 * The runner's report for `run`: {code, signal, error?, tail}, or null before there is one.
 * @param {string} path
 * @param {string} run
 * @returns {(Exit & { tail: string }) | null}
 */
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
 * @param {string} command
 * @param {LaunchOptions} opts
 * @returns {Launched}
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
  /** @type {RunnerSpec} */
  const spec = { run, command, logPath, oldLogPath, statusPath, maxBytes, note };
  const { file, args, options, trampoline } = spawnOptionsFor(platform, { execPath, runnerPath: RUNNER, env, cwd, spec });
  /** @type {(Exit & { tail: string }) | null} */
  let status = null;
  let output = '';
  const child = spawn(file, args, options);
  child.stdout?.on('data', (d) => {
    output += d;
  });
  child.stderr?.on('data', (d) => {
    output += d;
  });
  /** @type {NodeJS.Timeout | undefined} */
  let timer;
  /** @type {Promise<Exit>} */
  const exited = new Promise((resolve) => {
    const done = (/** @type {Exit} */ exit) => {
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
