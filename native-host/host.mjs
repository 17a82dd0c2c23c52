#!/usr/bin/env node
// @ts-check
// Ollama Chat native-messaging host (Chrome, Chromium, Edge, Brave, Vivaldi, Firefox).
// Plain Node, no dependencies. stdout carries ONLY frames; diagnostics go to stderr.
// Exit codes: 0 when the browser closes stdin on a frame boundary; 1 on a corrupt stream
// (oversize length, truncated frame) after a best-effort error reply; 2 on an internal crash.
import { loadConfig } from './config.mjs';
import { codeOf, messageOf } from './errors.mjs';
import { encode, FrameDecoder } from './framing.mjs';
import { createHandler } from './verbs.mjs';

/** @import { FatalEvent, FrameEvent } from './framing.mjs' */
/** @import { Reply } from './verbs.mjs' */

const log = (/** @type {unknown[]} */ ...parts) => process.stderr.write(`[ollama_chat host ${process.pid}] ${parts.join(' ')}\n`);
// Anything that would print to stdout corrupts the channel: route console to stderr.
console.log = console.info = console.debug = console.warn = console.error;

const config = loadConfig();
for (const w of config.warnings) log('warning:', w);
const handle = createHandler(config);
const decoder = new FrameDecoder();

let pending = 0;
let inputDone = false;
let exitCode = 0;
let stdoutOpen = true;

/** @param {Reply} reply */
function send(reply) {
  if (!stdoutOpen) return;
  let frame;
  try {
    frame = encode(reply);
  } catch (err) {
    frame = encode({ ok: false, error: `Internal error: ${messageOf(err)}` });
  }
  process.stdout.write(frame);
}

function finishIfDone() {
  if (!inputDone || pending > 0) return;
  if (!stdoutOpen) process.exit(exitCode);
  process.stdout.write('', () => process.exit(exitCode));
}

/** @param {Exclude<FrameEvent, FatalEvent>} event */
function dispatch(event) {
  if (event.type === 'invalid') {
    send({ ok: false, error: event.error });
    return;
  }
  pending++;
  handle(event.value)
    .then(send, (err) => send({ ok: false, error: `Internal error: ${messageOf(err)}` }))
    .finally(() => {
      pending--;
      finishIfDone();
    });
}

/** @param {FatalEvent} event */
function fatal(event) {
  log(event.error);
  send({ ok: false, error: event.error });
  exitCode = 1;
  inputDone = true;
  process.stdin.removeListener('data', onData);
  process.stdin.removeListener('end', onEnd);
  process.stdin.destroy();
  finishIfDone();
}

/** @param {Buffer} chunk */
function onData(chunk) {
  for (const event of decoder.push(chunk)) {
    if (event.type === 'fatal') return fatal(event);
    dispatch(event);
  }
}

function onEnd() {
  if (inputDone) return;
  const truncated = decoder.end();
  if (truncated) return fatal(truncated);
  inputDone = true;
  finishIfDone();
}

process.stdout.on('error', (/** @type {Error} */ err) => {
  // The browser went away (EPIPE): finish what is running, then leave quietly.
  log('stdout closed:', codeOf(err) ?? err.message);
  stdoutOpen = false;
});
process.on('uncaughtException', (err) => {
  log('internal error:', err?.stack ?? err);
  process.exit(2);
});
process.stdin.on('data', onData);
process.stdin.on('end', onEnd);
process.stdin.on('error', () => onEnd());
