// @ts-check
// The `start` verb: make Ollama answer, launching the configured command at most once at a time
// (one in-flight start per host process, and a lock file across host processes).
import { launch as realLaunch } from './launch.mjs';
import { tryLock } from './lock.mjs';
import { busyMessage, exitedZeroMessage, exitMessage, NOT_SET, timeoutMessage } from './messages.mjs';
import { ensurePrivateDir, readPrivate, UnsafePathError, writePrivate } from './private.mjs';
import { isOllamaUp } from './probe.mjs';

export { busyMessage, exitedZeroMessage, exitMessage, NOT_SET, timeoutMessage };

/** @import { HostConfig } from './config.mjs' */
/** @import { Exit, Launched, LaunchOptions } from './launch.mjs' */
/** @import { OwnLock } from './lock.mjs' */
/** @import { Probe } from './probe.mjs' */
/** @typedef {{ ok: true, started: boolean } | { ok: false, error: string }} StartReply */
/** @typedef {(command: string, opts: LaunchOptions) => Launched} Launch */
/** @typedef {(deadline?: number) => Promise<boolean>} Up "is Ollama answering?", asked so as to be answered by `deadline` (epoch ms) */
const sleep = (/** @type {number} */ ms) => new Promise((resolve) => setTimeout(resolve, ms));
/** @type {(exit: Exit | null) => exit is Exit} */
const failed = (exit) => exit !== null && (exit.code !== 0 || exit.error !== undefined);

function writeResult(/** @type {string} */ path, /** @type {StartReply} */ reply) {
  try {
    writePrivate(path, JSON.stringify({ at: Date.now(), reply }));
  } catch {}
}
/** @type {(path: string) => { at: number, reply: StartReply } | null} as writeResult wrote it */
function readResult(path) {
  try {
    return JSON.parse(readPrivate(path));
  } catch {
    return null;
  }
}

/** @type {(config: HostConfig, command: string, up: Up, launch: Launch, note: string | null) => Promise<StartReply>} */
async function launchAndWait(config, command, up, launch, note) {
  const deadline = Date.now() + config.startTimeoutMs;
  const { logPath, oldLogPath, statusPath, dataDir: cwd } = config;
  const child = launch(command, { logPath, oldLogPath, statusPath, cwd, note });
  /** @type {{ exit: Exit | null }} */
  const state = { exit: null };
  child.exited.then((e) => {
    state.exit = e;
  });
  try {
    return await waitForOllama(config, up, child, deadline, state);
  } finally {
    child.stop?.();
  }
}

/** @type {(config: HostConfig, up: Up, child: Launched, deadline: number, state: { exit: Exit | null }) => Promise<StartReply>} */
async function waitForOllama(config, up, child, deadline, state) {
  for (;;) {
    if (await up(deadline)) return { ok: true, started: true };
    if (failed(state.exit)) {
      // e.g. "address already in use" because another Ollama just came up: that is success.
      if (await up(deadline)) return { ok: true, started: false };
      return { ok: false, error: exitMessage(state.exit, child.tail()) };
    }
    const left = deadline - Date.now();
    if (left <= 0) {
      // A command that is done (exit 0) did not start a server that is merely slow.
      return { ok: false, error: state.exit ? exitedZeroMessage(config.url, config.startTimeoutMs) : timeoutMessage(config.startTimeoutMs) };
    }
    const nap = sleep(Math.min(config.pollIntervalMs, left));
    await (state.exit ? nap : Promise.race([nap, child.exited]));
  }
}

/**
 * Waits while another host process holds the lock: the lock once we hold it, or {reply}.
 * @type {(config: HostConfig, up: Up) => Promise<OwnLock | { reply: StartReply, release?: undefined }>}
 */
async function lockOrWait(config, up) {
  const since = Date.now();
  const staleMs = config.startTimeoutMs + 2 * config.probeTimeoutMs + 5_000;
  const waitUntil = since + config.startTimeoutMs + config.probeTimeoutMs + 1_000;
  for (;;) {
    const lock = tryLock(config.lockPath, staleMs);
    if (lock.release) return lock;
    await sleep(config.pollIntervalMs);
    if (await up(waitUntil)) return { reply: { ok: true, started: false } };
    const last = readResult(config.resultPath);
    if (last && last.at >= since && last.reply && !last.reply.ok) return { reply: last.reply };
    // The holder had all the time a start takes and neither answered nor failed: say who holds it.
    if (Date.now() > waitUntil) return { reply: { ok: false, error: busyMessage(lock.holder, config.url) } };
  }
}

/** @type {(config: HostConfig, command: string, up: Up, launch: Launch) => Promise<StartReply>} */
async function lockedStart(config, command, up, launch) {
  const lock = await lockOrWait(config, up);
  if (!lock.release) return lock.reply;
  try {
    const note = lock.tookOver ? `took over a stale start lock (${lock.tookOver.reason})` : null;
    /** @type {StartReply} */
    const reply = (await up()) ? { ok: true, started: false } : await launchAndWait(config, command, up, launch, note);
    writeResult(config.resultPath, reply);
    return reply;
  } finally {
    lock.release();
  }
}

/** @type {(config: HostConfig, probe: Probe, launch: Launch) => Promise<StartReply>} */
async function startOnce(config, probe, launch) {
  /** @type {Up} */
  const up = (deadline = Number.POSITIVE_INFINITY) => probe(config.url, Math.max(100, Math.min(config.probeTimeoutMs, deadline - Date.now())));
  if (await up()) return { ok: true, started: false };
  if (config.refusal) return { ok: false, error: config.refusal };
  if (!config.command) return { ok: false, error: NOT_SET };
  try {
    ensurePrivateDir(config.dataDir);
    return await lockedStart(config, config.command, up, launch);
  } catch (err) {
    if (err instanceof UnsafePathError) return { ok: false, error: err.message };
    throw err;
  }
}

/**
 * start() → {ok:true, started:boolean} | {ok:false, error}. Calls made while one is in flight share
 * its outcome (reported as started:false: they launched nothing). It takes no arguments: nothing
 * from a message can choose what runs. deps (tests): probe(url, ms), launch(command, opts).
 * @type {(config: HostConfig, deps?: { probe?: Probe, launch?: Launch }) => () => Promise<StartReply>}
 */
export function createStarter(config, deps = {}) {
  const probe = deps.probe ?? isOllamaUp;
  const launch = deps.launch ?? realLaunch;
  /** @type {Promise<StartReply> | null} */
  let inflight = null;
  return async function start() {
    if (inflight) {
      const reply = await inflight;
      return reply.ok ? { ok: true, started: false } : reply;
    }
    inflight = startOnce(config, probe, launch);
    try {
      return await inflight;
    } finally {
      inflight = null;
    }
  };
}
