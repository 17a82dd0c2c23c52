// @ts-check
// How processes are started, per platform, as plain data so that every platform's choice is tested
// here. The host starts a runner (runner.mjs) that must outlive it; the runner starts the command.
//
// POSIX: the browser signals the host's process group when it closes the port. `detached` makes the
// runner call setsid(): a session and group of its own, so it and the server it starts stay up.
//
// Windows: Firefox puts native hosts in a job object and kills the whole job when the host exits
// (MDN, Native messaging, "Closing the native app"); only a process created with
// CREATE_BREAKAWAY_FROM_JOB leaves it. Node cannot set that flag: `detached` gives DETACHED_PROCESS
// and CREATE_NEW_PROCESS_GROUP, and a child of a process in a job is in that job. `cmd /c start`
// does not help either: start's CreateProcess inherits the job too. So the host runs a short
// PowerShell script that calls CreateProcessW with CREATE_BREAKAWAY_FROM_JOB (allowed by Firefox's
// job), falling back to a plain start where breakaway is refused (ERROR_ACCESS_DENIED: a job that
// forbids it; then the server lives as long as the browser lets the host's job live).
import { BREAKAWAY_SCRIPT } from './breakaway.mjs';

/** @import { SpawnOptions, SpawnOptionsWithStdioTuple, StdioNull, StdioPipe } from 'node:child_process' */
/** @import { Env } from './config.mjs' */
/**
 * What to spawn: `trampoline` is true when `file` only creates the runner and exits (Windows).
 * @typedef {{ file: string, args: string[], options: SpawnOptions & { env: Env }, trampoline: boolean }} SpawnPlan
 */

/**
 * How a command line is run: `sh -c` on POSIX, `cmd /c` on Windows (as Node's `shell: true` does).
 * @param {string} command
 * @param {string} [platform]
 * @param {Env} [env]
 * @returns {{ file: string, args: string[], verbatim: boolean }}
 */
export function shellFor(command, platform = process.platform, env = process.env) {
  if (platform === 'win32') {
    return { file: env.ComSpec || 'cmd.exe', args: ['/d', '/s', '/c', `"${command}"`], verbatim: true };
  }
  return { file: '/bin/sh', args: ['-c', command], verbatim: false };
}

/** The spec the runner reads from its environment, under this name. */
export const SPEC_VAR = 'OLLAMA_CHAT_RUN';
/** Windows only: the runner's command line, for the breakaway script. */
export const LINE_VAR = 'OLLAMA_CHAT_RUNNER_LINE';

const systemRoot = (/** @type {Env} */ env) => env.SystemRoot || env.SYSTEMROOT || env.windir || 'C:\\Windows';

/**
 * The host → runner spawn: {file, args, options, trampoline}. `trampoline` is true when `file`
 * only creates the runner and exits (Windows): its exit code says whether that worked.
 * @param {string} platform
 * @param {{ execPath: string, runnerPath: string, env: Env, cwd: string, spec: Record<string, unknown> }} opts
 * @returns {SpawnPlan}
 */
export function spawnOptionsFor(platform, { execPath, runnerPath, env, cwd, spec }) {
  const runnerEnv = { ...env, [SPEC_VAR]: JSON.stringify(spec) };
  if (platform === 'win32') {
    return {
      file: `${systemRoot(env)}\\System32\\WindowsPowerShell\\v1.0\\powershell.exe`,
      args: ['-NoLogo', '-NoProfile', '-NonInteractive', '-ExecutionPolicy', 'Bypass', '-EncodedCommand', encodePowerShell(BREAKAWAY_SCRIPT)],
      // Windows paths cannot hold `"`, so quoting each is enough for the runner's argv.
      options: {
        cwd,
        env: { ...runnerEnv, [LINE_VAR]: `"${execPath}" "${runnerPath}"` },
        detached: true,
        windowsHide: true,
        stdio: ['ignore', 'pipe', 'pipe'],
      },
      trampoline: true,
    };
  }
  // stdio 'ignore': a pipe back to the host would break when the host exits.
  return { file: execPath, args: [runnerPath], options: { cwd, env: runnerEnv, detached: true, windowsHide: true, stdio: 'ignore' }, trampoline: false };
}

/**
 * The runner → command spawn. The runner is already on its own (its session on POSIX, out of the
 * browser's job on Windows), so the command stays attached to it: on POSIX one process group
 * holds runner and server (`kill -- -PGID` stops both); on Windows the command shares the
 * runner's hidden console, where a DETACHED_PROCESS cmd would make `ollama.exe` open a visible
 * console window. libuv puts a non-detached child in a kill-on-close job of the runner's, but that
 * job allows silent breakaway, so what cmd starts (the server) is not in it.
 * @param {string} platform
 * @param {string} command
 * @param {Env} env
 * @param {string} cwd
 * @returns {{ file: string, args: string[], options: SpawnOptionsWithStdioTuple<StdioNull, StdioPipe, StdioPipe> & { env: Env } }}
 */
export function commandSpawnFor(platform, command, env, cwd) {
  const { file, args, verbatim } = shellFor(command, platform, env);
  return { file, args, options: { cwd, env, detached: false, windowsHide: true, windowsVerbatimArguments: verbatim, stdio: ['ignore', 'pipe', 'pipe'] } };
}

/** PowerShell's -EncodedCommand: base64 of UTF-16LE, so no quoting reaches a command line. */
export const encodePowerShell = (/** @type {string} */ script) => Buffer.from(script, 'utf16le').toString('base64');
