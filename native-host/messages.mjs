// @ts-check
// The start verb's error texts. The first three are seed texts that the extension shows as they are
// (docs/spec/seed-system.md); the others name cases those three used to blur: a command that ended well while
// nothing answers, and a start that another process is still running.
import { hostname } from 'node:os';

/** @import { Exit } from './launch.mjs' */
/** @import { Holder } from './lock.mjs' */

export const NOT_SET = 'OLLAMA_START_COMMAND is not set';

const seconds = (/** @type {number} */ ms) => {
  const s = ms / 1000;
  return `${Number.isInteger(s) ? s : s.toFixed(1)} second${s === 1 ? '' : 's'}`;
};

/**
 * Default (10 s): "Ollama started but not responding after 10 seconds"; test timeouts read e.g. "0.3 seconds".
 * @param {number} ms
 */
export function timeoutMessage(ms) {
  return `Ollama started but not responding after ${seconds(ms)}`;
}

/**
 * The command failed: "Failed to start Ollama (exit code N): <output>".
 * @param {Exit} exit
 * @param {string} tail
 */
export function exitMessage(exit, tail) {
  const how = exit.error ? `could not run the command: ${exit.error}` : exit.code !== null ? `exit code ${exit.code}` : `killed by ${exit.signal}`;
  return `Failed to start Ollama (${how}): ${tail || '(no output)'}`;
}

/**
 * The command exited 0 (a service manager, a daemon that forked) yet nothing answered in time.
 * @param {string} url
 * @param {number} ms
 */
export function exitedZeroMessage(url, ms) {
  return `The start command finished (exit code 0) but Ollama is not answering at ${url} after ${seconds(ms)}`;
}

/**
 * Another live process held the start lock for as long as we waited, and nothing answers.
 * @param {Partial<Holder> | null | undefined} holder
 * @param {string} url
 * @param {string} [here]
 */
export function busyMessage(holder, url, here = hostname()) {
  const who = holder?.pid ? `pid ${holder.pid}${holder.host && holder.host !== here ? ` on ${holder.host}` : ''}` : 'pid unknown';
  return `Another start of Ollama is already in progress (${who}) and Ollama is not answering at ${url} yet; try again in a moment`;
}
