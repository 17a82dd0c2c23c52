// @ts-check
// What install/uninstall/doctor touch, injectable so that tests can run the Windows code paths here:
// the file system (real by default), the command runner (for `reg`), platform, env, node path.
import { spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync, mkdirSync, readdirSync, readFileSync, rmdirSync, statSync, unlinkSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dataDirFor, filesIn, homeOf, pathFor } from './config.mjs';
import { ensurePrivateDir, writePrivate } from './private.mjs';

/** @import { Env, HostFiles } from './config.mjs' */
/**
 * @typedef {object} InstallerFs
 * @property {(path: string) => boolean} exists
 * @property {(path: string) => boolean} [isExecutable] a file that can be run; `exists` stands in when absent
 * @property {(path: string) => string} read
 * @property {(path: string, text: string, mode?: number) => void} write
 * @property {(dir: string) => string[]} mkdirp mkdir -p; the directories it created, outermost first
 * @property {(dir: string) => string[]} privateDir mkdir -p whose last directory is the user's alone (0700, not a symlink); the directories it created
 * @property {(path: string) => boolean} remove
 * @property {(dir: string) => boolean} rmdirIfEmpty
 */
/** @typedef {(file: string, args: string[]) => { status: number, stdout: string, stderr: string }} Runner */
/**
 * What install/uninstall/doctor may be given instead of the real thing.
 * @typedef {{ platform?: string, env?: Env, execPath?: string, hostScript?: string, fs?: InstallerFs, run?: Runner,
 *   out?: (line: string) => void, probe?: import('./probe.mjs').Probe }} Deps
 */
/** @typedef {ReturnType<typeof makeContext>} Context Deps with the defaults filled in, and where things are for that user */

/**
 * The real file system, reduced to what the installer needs.
 * @type {InstallerFs}
 */
export const realFs = {
  exists: (p) => existsSync(p),
  isExecutable(p) {
    try {
      if (!statSync(p).isFile()) return false;
      if (process.platform !== 'win32') accessSync(p, constants.X_OK);
      return true;
    } catch {
      return false;
    }
  },
  read: (p) => readFileSync(p, 'utf8'),
  /** Atomic, with exactly `mode`; refuses to write through a symlink or over someone else's file. */
  write: (p, text, mode = 0o644) => writePrivate(p, text, mode),
  /** mkdir -p whose last dir is private (0700, ours, no symlink); returns the dirs it created. */
  privateDir: (dir) => ensurePrivateDir(dir),
  /** mkdir -p; returns the directories it created, outermost first. */
  mkdirp(dir) {
    const created = mkdirSync(dir, { recursive: true });
    if (!created) return [];
    const list = [];
    for (let d = dir; d.length >= created.length; d = pathFor(process.platform).dirname(d)) list.unshift(d);
    return list;
  },
  remove(p) {
    try {
      unlinkSync(p);
      return true;
    } catch {
      return false;
    }
  },
  rmdirIfEmpty(dir) {
    try {
      if (readdirSync(dir).length > 0) return false;
      rmdirSync(dir);
      return true;
    } catch {
      return false;
    }
  },
};

/**
 * Runs a program without a shell; {status, stdout, stderr}.
 * @type {Runner}
 */
export function realRun(file, args) {
  const r = spawnSync(file, args, { encoding: 'utf8', windowsHide: true });
  return { status: r.status ?? 1, stdout: r.stdout ?? '', stderr: r.stderr ?? (r.error?.message || '') };
}

/** Fills in defaults: {platform, env, home, execPath, hostScript, dataDir, files, p, fs, run, out}. */
export function makeContext(/** @type {Deps} */ deps = {}) {
  const platform = deps.platform ?? process.platform;
  const env = deps.env ?? process.env;
  const dataDir = dataDirFor(env, platform);
  return {
    platform,
    env,
    home: homeOf(env, platform),
    execPath: deps.execPath ?? process.execPath,
    hostScript: deps.hostScript ?? fileURLToPath(new URL('./host.mjs', import.meta.url)),
    dataDir,
    files: filesIn(dataDir, platform),
    p: pathFor(platform),
    fs: deps.fs ?? realFs,
    run: deps.run ?? realRun,
    out: deps.out ?? ((line) => process.stdout.write(`${line}\n`)),
  };
}

/**
 * What earlier installs wrote: {manifests: [path], registryKeys: [key], createdDirs: [dir]}.
 * @type {(ctx: { fs: InstallerFs, files: HostFiles }) => { manifests: string[], registryKeys: string[], createdDirs: string[] }}
 */
export function readRecord(ctx) {
  try {
    const r = JSON.parse(ctx.fs.read(ctx.files.recordPath));
    return { manifests: r.manifests ?? [], registryKeys: r.registryKeys ?? [], createdDirs: r.createdDirs ?? [] };
  } catch {
    return { manifests: [], registryKeys: [], createdDirs: [] };
  }
}

/**
 * The JSON object (or array) in `path`; null when it is missing, unreadable, not JSON, or a bare value.
 * @type {(fs: InstallerFs, path: string) => Record<string, unknown> | null}
 */
export function readJson(fs, path) {
  try {
    const value = JSON.parse(fs.read(path));
    return value !== null && typeof value === 'object' ? value : null;
  } catch {
    return null;
  }
}
