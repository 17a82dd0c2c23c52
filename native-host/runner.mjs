// @ts-check
// The runner: started by the host (launch.mjs) on its own, it runs the start command, writes the
// command's output to the capped start log for as long as the server runs, and reports how the
// command ended in the status file, which is how the host learns it even on Windows, where the
// runner is no child of the host's. Its spec comes from its environment (spawn.mjs, SPEC_VAR):
// {run, command, logPath, oldLogPath, statusPath, maxBytes, note}.
import { spawn } from 'node:child_process';
import { writePrivate } from './private.mjs';
import { RotatingLog, TAIL_BYTES } from './rotate.mjs';
import { commandSpawnFor, LINE_VAR, SPEC_VAR } from './spawn.mjs';

/** @import { Exit, RunnerSpec } from './launch.mjs' */

/** After the command exits, how long its last output may take to drain before the status is written. */
const DRAIN_MS = 200;

/** @type {RunnerSpec} */
const spec = JSON.parse(process.env[SPEC_VAR] ?? '{}');
// The command gets the host's environment, not the runner's plumbing.
delete process.env[SPEC_VAR];
delete process.env[LINE_VAR];

let reported = false;
/**
 * @param {Exit} exit
 * @param {Buffer} [tail]
 */
function report(exit, tail = Buffer.alloc(0)) {
  if (reported) return;
  reported = true;
  // A multi-byte character cut at the start decodes to U+FFFD: drop it.
  const text = tail
    .toString('utf8')
    .replace(/^\uFFFD+/, '')
    .trim();
  try {
    writePrivate(spec.statusPath, JSON.stringify({ run: spec.run, ...exit, tail: text }));
  } catch {}
}

process.on('uncaughtException', (err) => {
  report({ code: null, signal: null, error: `the runner failed: ${err?.message ?? err}` });
  process.exit(1);
});

const log = new RotatingLog(spec.logPath, spec.oldLogPath, spec.maxBytes);
const stamp = () => `[${new Date().toISOString()} ollama-chat]`;
if (spec.note) log.write(Buffer.from(`${stamp()} ${spec.note}\n`));
log.write(Buffer.from(`${stamp()} running: ${spec.command}\n`));

let tail = Buffer.alloc(0);
/** @param {Buffer} chunk */
function record(chunk) {
  log.write(chunk);
  tail = Buffer.concat([tail, chunk]);
  if (tail.length > TAIL_BYTES) tail = tail.subarray(tail.length - TAIL_BYTES);
}

const { file, args, options } = commandSpawnFor(process.platform, spec.command, process.env, process.cwd());
const child = spawn(file, args, options);
child.stdout.on('data', record);
child.stderr.on('data', record);
const closed = new Promise((resolve) => child.once('close', resolve));
child.once('error', (err) => report({ code: null, signal: null, error: err.message }, tail));
child.once('exit', (code, signal) => {
  // A daemon may hold the pipes long after the command itself is gone: do not wait for it.
  const drained = Promise.race([closed, new Promise((resolve) => setTimeout(resolve, DRAIN_MS))]);
  drained.then(() => report({ code, signal }, tail));
});
// The runner ends when the last process holding the command's output is gone.
closed.then(() => log.close());
