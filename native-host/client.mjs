// @ts-check
// The browser's side of the protocol, for doctor.mjs (and tests): start a host program, send framed
// requests, read framed replies.
import { spawn } from 'node:child_process';
import { encode, FrameDecoder } from './framing.mjs';

/** @import { Env } from './config.mjs' */
/** @typedef {{ replies: unknown[], code: number | null, stderr: string, error?: string }} Talk */

/**
 * Runs `file args`, writes `requests` as frames, closes stdin and collects the replies.
 * Resolves {replies, code, stderr, error?}; `error` is set on timeout, spawn failure or a bad frame.
 * @param {string} file
 * @param {string[]} args
 * @param {unknown[]} requests
 * @param {{ env?: Env, timeoutMs?: number, shell?: boolean }} [opts]
 * @returns {Promise<Talk>}
 */
export function talk(file, args, requests, { env = process.env, timeoutMs = 5000, shell = false } = {}) {
  return new Promise((resolve) => {
    const decoder = new FrameDecoder();
    /** @type {unknown[]} */
    const replies = [];
    let stderr = '';
    /** @type {string | undefined} */
    let error;
    const child = spawn(file, args, { env, stdio: ['pipe', 'pipe', 'pipe'], shell, windowsHide: true });
    const timer = setTimeout(() => {
      error = `no answer within ${timeoutMs} ms`;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.stdout.on('data', (chunk) => {
      for (const e of decoder.push(chunk)) {
        if (e.type === 'message') replies.push(e.value);
        else error ??= `bad frame from host: ${e.error}`;
      }
    });
    child.stderr.on('data', (d) => {
      stderr += d;
    });
    child.stdin.on('error', () => {});
    child.on('error', (err) => {
      error ??= err.message;
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      const rest = decoder.end();
      if (rest) error ??= `bad frame from host: ${rest.error}`;
      resolve({ replies, code, stderr, ...(error ? { error } : {}) });
    });
    child.stdin.end(Buffer.concat(requests.map((r) => encode(r))));
  });
}

/**
 * The reply to the request whose id was `id` (the host echoes it), when there is one.
 * @param {unknown[]} replies
 * @param {unknown} id
 * @returns {Record<string, unknown> | undefined}
 */
export function replyTo(replies, id) {
  for (const r of replies) if (r !== null && typeof r === 'object' && 'id' in r && r.id === id) return r;
  return undefined;
}
