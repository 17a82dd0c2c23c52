// A lock file in the data dir so that two host processes never launch the start command together.
// Stale rule: the lock is broken when its holder (same machine) is no longer alive, or when it is
// older than `staleMs` (a holder never keeps it longer than one start attempt).
import { randomUUID } from 'node:crypto';
import { closeSync, linkSync, openSync, readFileSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';

function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return err.code === 'EPERM';
  }
}

function readInfo(path) {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return null;
  }
}

/** True when the lock at `path` may be broken (or is already gone). */
export function isStale(path, staleMs, now = Date.now()) {
  let mtime;
  try {
    mtime = statSync(path).mtimeMs;
  } catch {
    return true;
  }
  if (now - mtime > staleMs) return true;
  const info = readInfo(path);
  // An unreadable, fresh lock is being written right now: treat it as held.
  return Boolean(info && info.host === hostname() && Number.isInteger(info.pid) && !alive(info.pid));
}

function breakStale(path, staleMs) {
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

/** Takes the lock: a release() function, or null while another live process holds it. */
export function tryLock(path, staleMs) {
  const token = randomUUID();
  for (let attempt = 0; attempt < 3; attempt++) {
    let fd;
    try {
      fd = openSync(path, 'wx', 0o600);
    } catch (err) {
      if (err.code !== 'EEXIST') throw err;
      if (!isStale(path, staleMs)) return null;
      breakStale(path, staleMs);
      continue;
    }
    try {
      writeSync(fd, JSON.stringify({ pid: process.pid, host: hostname(), token, at: Date.now() }));
    } finally {
      closeSync(fd);
    }
    return () => {
      // Only remove the lock if it is still ours.
      if (readInfo(path)?.token !== token) return;
      try {
        unlinkSync(path);
      } catch {}
    };
  }
  return null;
}
