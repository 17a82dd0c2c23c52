// @ts-check
// A lock file in the data dir so that two host processes never launch the start command together.
// Stale rule: the lock is broken when its holder (same machine) is no longer alive, or when it is
// older than `staleMs`. A holder never keeps it longer than one start attempt, so the age rule also
// covers a dead holder whose pid the OS gave to an unrelated process.
import { randomUUID } from 'node:crypto';
import { closeSync, constants, linkSync, lstatSync, openSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { codeOf } from './errors.mjs';
import { readPrivate } from './private.mjs';

/** @typedef {{ pid: number | null, host: string | null, ageMs: number | null }} Holder see holderOf */
/** @typedef {{ release: () => void, tookOver: (Holder & { reason: string }) | null, holder?: undefined }} OwnLock see tryLock */
/** @typedef {{ holder: Holder, release?: undefined, tookOver?: undefined }} HeldLock see tryLock */

const { O_CREAT, O_EXCL, O_WRONLY } = constants;
const O_NOFOLLOW = constants.O_NOFOLLOW ?? 0;

function alive(/** @type {number} */ pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return codeOf(err) === 'EPERM';
  }
}

/** What the holder wrote, when it is a JSON object: none of its fields is trusted to have a type. */
/** @type {(path: string) => Record<string, unknown> | null} */
function readInfo(path) {
  try {
    const info = JSON.parse(readPrivate(path));
    return info && typeof info === 'object' ? info : null;
  } catch {
    return null;
  }
}

/** A pid as the lock file says it, when it is one. */
const pidIn = (/** @type {Record<string, unknown> | null} */ info) => (typeof info?.pid === 'number' && Number.isInteger(info.pid) ? info.pid : null);

/** Why the lock at `path` may be broken ('gone' when there is none), or null while it is held. */
export function staleReason(/** @type {string} */ path, /** @type {number} */ staleMs, now = Date.now()) {
  let mtime;
  try {
    mtime = lstatSync(path).mtimeMs;
  } catch {
    return 'gone';
  }
  if (now - mtime > staleMs) return `it was ${Math.round((now - mtime) / 1000)} s old`;
  const info = readInfo(path);
  // An unreadable, fresh lock is being written right now: treat it as held.
  const pid = pidIn(info);
  if (info && info.host === hostname() && pid !== null && !alive(pid)) return `its holder (pid ${pid}) was no longer running`;
  return null;
}

/** True when the lock at `path` may be broken (or is already gone). */
/** @type {(path: string, staleMs: number, now?: number) => boolean} */
export const isStale = (path, staleMs, now = Date.now()) => staleReason(path, staleMs, now) !== null;

function breakStale(/** @type {string} */ path, /** @type {number} */ staleMs) {
  const aside = `${path}.${process.pid}.${randomUUID()}`;
  try {
    renameSync(path, aside);
  } catch {
    return; // someone else broke (or released) it first
  }
  if (!isStale(aside, staleMs)) {
    // Between our check and the rename a live holder took the lock: put it back.
    try {
      linkSync(aside, path);
    } catch {}
  }
  try {
    unlinkSync(aside);
  } catch {}
}

/** Who holds the lock: {pid, host} as it says (null when unreadable), and how long it has. */
/** @type {(path: string) => Holder} */
function holderOf(path) {
  const info = readInfo(path);
  let ageMs = null;
  try {
    ageMs = Date.now() - lstatSync(path).mtimeMs;
  } catch {}
  return { pid: pidIn(info), host: typeof info?.host === 'string' ? info.host : null, ageMs };
}

/**
 * Takes the lock: {release, tookOver} once it is ours (tookOver says why an earlier holder's lock
 * was broken, else null), or {holder} while another live process holds it.
 * @type {(path: string, staleMs: number) => OwnLock | HeldLock}
 */
export function tryLock(path, staleMs) {
  const token = randomUUID();
  /** @type {(Holder & { reason: string }) | null} */
  let tookOver = null;
  for (let attempt = 0; attempt < 3; attempt++) {
    let fd;
    try {
      // O_EXCL never opens an existing file or link; O_NOFOLLOW says so twice.
      fd = openSync(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW, 0o600);
    } catch (err) {
      if (codeOf(err) !== 'EEXIST') throw err;
      const reason = staleReason(path, staleMs);
      if (reason === null) return { holder: holderOf(path) };
      if (reason !== 'gone') tookOver = { ...holderOf(path), reason };
      breakStale(path, staleMs);
      continue;
    }
    try {
      writeSync(fd, JSON.stringify({ pid: process.pid, host: hostname(), token, at: Date.now() }));
    } finally {
      closeSync(fd);
    }
    const release = () => {
      // Only remove the lock if it is still ours.
      if (readInfo(path)?.token !== token) return;
      try {
        unlinkSync(path);
      } catch {}
    };
    return { release, tookOver };
  }
  return { holder: holderOf(path) };
}
