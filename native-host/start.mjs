// The `start` verb: make Ollama answer, launching the configured command at most once at a time
// (one in-flight start per host process, and a lock file across host processes).
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { launch as realLaunch } from './launch.mjs';
import { tryLock } from './lock.mjs';
import { isOllamaUp } from './probe.mjs';

/** Exact error texts (shared with the extension's recovery layer, seed-system.md). */
export const NOT_SET = 'OLLAMA_START_COMMAND is not set';
/** Default (10 s): "Ollama started but not responding after 10 seconds"; test timeouts read e.g. "0.3 seconds". */
export function timeoutMessage(ms) {
  const s = ms / 1000;
  return `Ollama started but not responding after ${Number.isInteger(s) ? s : s.toFixed(1)} second${s === 1 ? '' : 's'}`;
}
export function exitMessage(exit, tail) {
  const how = exit.error
    ? `could not run the command: ${exit.error}`
    : exit.code !== null
      ? `exit code ${exit.code}`
      : `killed by ${exit.signal}`;
  return `Failed to start Ollama (${how}): ${tail || '(no output)'}`;
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const failed = (exit) => exit !== null && (exit.code !== 0 || exit.error !== undefined);

function writeResult(path, reply) {
  try {
    writeFileSync(`${path}.tmp`, JSON.stringify({ at: Date.now(), reply }));
    renameSync(`${path}.tmp`, path);
  } catch {}
}
function readResult(path) {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return null;
  }
}

async function launchAndWait(config, up, launch) {
  const deadline = Date.now() + config.startTimeoutMs;
  const child = launch(config.command, { logPath: config.logPath, cwd: config.dataDir });
  let exit = null;
  child.exited.then((e) => {
    exit = e;
  });
  for (;;) {
    if (await up(deadline)) return { ok: true, started: true };
    if (failed(exit)) {
      // e.g. "address already in use" because another Ollama just came up: that is success.
      if (await up(deadline)) return { ok: true, started: false };
      return { ok: false, error: exitMessage(exit, child.tail()) };
    }
    const left = deadline - Date.now();
    if (left <= 0) return { ok: false, error: timeoutMessage(config.startTimeoutMs) };
    const nap = sleep(Math.min(config.pollIntervalMs, left));
    await (exit ? nap : Promise.race([nap, child.exited]));
  }
}

/** Waits while another host process holds the lock: {release} once we hold it, or {reply}. */
async function lockOrWait(config, up) {
  const since = Date.now();
  const staleMs = config.startTimeoutMs + 2 * config.probeTimeoutMs + 5_000;
  const waitUntil = since + config.startTimeoutMs + config.probeTimeoutMs + 1_000;
  for (;;) {
    const release = tryLock(config.lockPath, staleMs);
    if (release) return { release };
    await sleep(config.pollIntervalMs);
    if (await up(waitUntil)) return { reply: { ok: true, started: false } };
    const last = readResult(config.resultPath);
    if (last && last.at >= since && last.reply && !last.reply.ok) return { reply: last.reply };
    if (Date.now() > waitUntil) return { reply: { ok: false, error: timeoutMessage(config.startTimeoutMs) } };
  }
}

async function startOnce(config, probe, launch) {
  const up = (deadline = Number.POSITIVE_INFINITY) =>
    probe(config.url, Math.max(100, Math.min(config.probeTimeoutMs, deadline - Date.now())));
  if (await up()) return { ok: true, started: false };
  if (!config.command) return { ok: false, error: NOT_SET };
  mkdirSync(config.dataDir, { recursive: true, mode: 0o700 });
  const lock = await lockOrWait(config, up);
  if (!lock.release) return lock.reply;
  try {
    const reply = (await up()) ? { ok: true, started: false } : await launchAndWait(config, up, launch);
    writeResult(config.resultPath, reply);
    return reply;
  } finally {
    lock.release();
  }
}

/**
 * start() → {ok:true, started:boolean} | {ok:false, error}. Calls made while one is in flight share
 * its outcome (reported as started:false: they launched nothing). It takes no arguments: nothing
 * from a message can choose what runs. deps (tests): probe(url, ms), launch(command, opts).
 */
export function createStarter(config, deps = {}) {
  const probe = deps.probe ?? isOllamaUp;
  const launch = deps.launch ?? realLaunch;
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
