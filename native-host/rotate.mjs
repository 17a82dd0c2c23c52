// @ts-check
// The start log, capped: `ollama serve` writes a line per request for as long as it runs, so the log
// is cut into the current part and one older part (log, log.1), each at most `maxBytes`.
import { closeSync, fstatSync, renameSync, writeSync } from 'node:fs';
import { checkPrivate, openPrivateAppend } from './private.mjs';

export const LOG_MAX_BYTES = 1024 * 1024;
/** Output kept for the host's error reply (it must stay far below the 1 MB message limit). */
export const TAIL_BYTES = 2048;

export class RotatingLog {
  /**
   * Opens `path` for appending (refusing symlinks and files not ours); `oldPath` takes the older part.
   * @param {string} path
   * @param {string} oldPath
   * @param {number} [maxBytes]
   */
  constructor(path, oldPath, maxBytes = LOG_MAX_BYTES) {
    this.path = path;
    this.oldPath = oldPath;
    this.maxBytes = maxBytes;
    const fd = openPrivateAppend(path);
    /** @type {number | null} null once closed, or after a rotation that failed */
    this.fd = fd;
    this.size = fstatSync(fd).size;
  }

  /**
   * Appends `chunk`, first moving a full log to `oldPath`. Never throws: the runner must keep
   * draining the server's output even when the disk is full, or the server would block or die on a
   * closed pipe. Two runners sharing the log (an old server still running) may rotate each other's
   * parts early; each still writes at most `maxBytes` per part, so the total stays bounded.
   * @param {Buffer} chunk
   */
  write(chunk) {
    if (this.fd === null) return; // a failed rotation: dropping output keeps the cap
    try {
      if (this.size > 0 && this.size + chunk.length > this.maxBytes) this.rotate();
      const part = chunk.length > this.maxBytes ? chunk.subarray(chunk.length - this.maxBytes) : chunk;
      writeSync(this.fd, part);
      this.size += part.length;
    } catch {}
  }

  rotate() {
    if (this.fd !== null) closeSync(this.fd);
    this.fd = null;
    // rename replaces a link at oldPath rather than writing through it; still, a link there is not ours.
    checkPrivate(this.oldPath, 'file');
    renameSync(this.path, this.oldPath);
    this.fd = openPrivateAppend(this.path);
    this.size = 0;
  }

  close() {
    if (this.fd === null) return;
    try {
      closeSync(this.fd);
    } catch {}
    this.fd = null;
  }
}
