// @ts-check
// The data dir decides what runs (config.json) and holds the start log and lock, so it is the user's
// alone: the dir 0700, its files 0600, and nothing in it is reached through a symlink. A planted link
// could aim the log's appends at another file, or make the host read a config someone else wrote.
import { randomUUID } from 'node:crypto';
import * as fs from 'node:fs';
import path from 'node:path';
import { codeOf } from './errors.mjs';

/** @typedef {'directory' | 'file'} Kind */
/** @typedef {number | null} Uid whose files count as ours; null where owners cannot be compared (Windows) */
/** @typedef {Pick<import('node:fs').Stats, 'isSymbolicLink' | 'isDirectory' | 'isFile' | 'uid'>} StatLike */

const { O_APPEND, O_CREAT, O_EXCL, O_RDONLY, O_WRONLY } = fs.constants;
// Windows has no O_NOFOLLOW (0 there): the lstat checks before each open stand in for it.
const O_NOFOLLOW = fs.constants.O_NOFOLLOW ?? 0;

export const DIR_MODE = 0o700;
export const FILE_MODE = 0o600;

/** Our uid, or null where owners are not numbers we can compare (Windows). */
export const currentUid = () => (typeof process.getuid === 'function' ? process.getuid() : null);

export class UnsafePathError extends Error {
  /** @type {'EUNSAFE'} */
  code = 'EUNSAFE';
}

/** Why an lstat result is not ours to use as `kind` ('directory' | 'file'); null when it is. */
export function unsafeReason(/** @type {StatLike} */ stat, /** @type {Kind} */ kind, /** @type {Uid} */ uid = currentUid()) {
  if (stat.isSymbolicLink()) return 'is a symbolic link';
  if (kind === 'directory' ? !stat.isDirectory() : !stat.isFile()) return `is not a ${kind}`;
  if (uid !== null && stat.uid !== uid) return `is owned by another user (uid ${stat.uid})`;
  return null;
}

/** @type {(p: string, reason: string) => UnsafePathError} */
const refusal = (p, reason) => new UnsafePathError(`Refusing to use ${p}: it ${reason}`);

function lstatOrNull(/** @type {string} */ p) {
  try {
    return fs.lstatSync(p);
  } catch (err) {
    if (codeOf(err) === 'ENOENT') return null;
    throw err;
  }
}

/** Throws UnsafePathError when `p` exists and is not a `kind` of ours; false when it does not exist. */
export function checkPrivate(/** @type {string} */ p, /** @type {Kind} */ kind, /** @type {Uid} */ uid = currentUid()) {
  const stat = lstatOrNull(p);
  if (!stat) return false;
  const reason = unsafeReason(stat, kind, uid);
  if (reason) throw refusal(p, reason);
  return true;
}

/**
 * mkdir -p whose last directory is private: created 0700, or, when it exists, a real directory of
 * ours (then narrowed to 0700). Parents keep the default mode. Returns the dirs it created, outermost first.
 */
export function ensurePrivateDir(/** @type {string} */ dir, /** @type {Uid} */ uid = currentUid()) {
  const parent = path.dirname(dir);
  const first = parent === dir ? undefined : fs.mkdirSync(parent, { recursive: true });
  const created = [];
  for (let d = parent; first && d.length >= first.length; d = path.dirname(d)) created.unshift(d);
  try {
    fs.mkdirSync(dir, { mode: DIR_MODE });
    created.push(dir);
  } catch (err) {
    if (codeOf(err) !== 'EEXIST') throw err;
  }
  const stat = fs.lstatSync(dir);
  const reason = unsafeReason(stat, 'directory', uid);
  if (reason) throw refusal(dir, reason);
  // The umask may have taken bits away, never added: only an older, looser dir needs this.
  if (uid !== null && (stat.mode & 0o777) !== DIR_MODE) fs.chmodSync(dir, DIR_MODE);
  return created;
}

/**
 * An fd for `p`, checked to be a file of ours; `mode` null leaves an existing file's mode as it is.
 * @type {(p: string, flags: number, mode: number | null, uid: Uid) => number}
 */
function openChecked(p, flags, mode, uid) {
  checkPrivate(p, 'file', uid);
  let fd;
  try {
    fd = fs.openSync(p, flags | O_NOFOLLOW, mode ?? FILE_MODE);
  } catch (err) {
    if (codeOf(err) === 'ELOOP') throw refusal(p, 'is a symbolic link');
    throw err;
  }
  try {
    const stat = fs.fstatSync(fd);
    const reason = unsafeReason(stat, 'file', uid);
    if (reason) throw refusal(p, reason);
    if (mode !== null && uid !== null && (stat.mode & 0o777) !== mode) fs.fchmodSync(fd, mode);
    return fd;
  } catch (err) {
    fs.closeSync(fd);
    throw err;
  }
}

/** An fd appending to `p` (created 0600), never through a symlink. */
export const openPrivateAppend = (/** @type {string} */ p, /** @type {Uid} */ uid = currentUid()) =>
  openChecked(p, O_WRONLY | O_APPEND | O_CREAT, FILE_MODE, uid);

/** The text of `p`, read only when it is a plain file of ours; ENOENT is thrown as is. */
export function readPrivate(/** @type {string} */ p, /** @type {Uid} */ uid = currentUid()) {
  const fd = openChecked(p, O_RDONLY, null, uid);
  try {
    return fs.readFileSync(fd, 'utf8');
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * Replaces `p` with `text` atomically: a fresh temp file (O_EXCL, so never an existing file or
 * link) renamed over it. Refuses when `p` is a symlink or not ours.
 * @type {(p: string, text: string, mode?: number, uid?: Uid) => void}
 */
export function writePrivate(p, text, mode = FILE_MODE, uid = currentUid()) {
  checkPrivate(p, 'file', uid);
  const tmp = `${p}.${process.pid}.${randomUUID().slice(0, 8)}.tmp`;
  try {
    const fd = fs.openSync(tmp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW, mode);
    try {
      fs.writeSync(fd, text);
      fs.fchmodSync(fd, mode); // the umask applied to openSync's mode
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(tmp, p);
  } catch (err) {
    try {
      fs.unlinkSync(tmp);
    } catch {}
    throw err;
  }
}
