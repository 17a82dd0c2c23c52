#!/usr/bin/env node
// @ts-check
// node native-host/uninstall.mjs [--user-data-dir DIR]
// Removes what install.mjs wrote (its record, plus any manifest in the usual places that points at our
// launcher) and the host's own files in the data dir; nothing else. Manifests that point elsewhere stay.
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { makeContext, readJson, readRecord } from './context.mjs';
import { messageOf } from './errors.mjs';
import { HOST_NAME } from './ids.mjs';
import { BROWSERS, MANIFEST_FILE, manifestDir, userDataDirManifest } from './targets.mjs';

/** @import { Deps } from './context.mjs' */

/**
 * Removes the installation; returns {removed: [path|key], kept: [{path, reason}]}.
 * @param {{ userDataDir?: string }} [opts]
 * @param {Deps} [deps]
 * @returns {{ removed: string[], kept: Array<{ path: string, reason: string }> }}
 */
export function uninstall(opts = {}, deps = {}) {
  const ctx = makeContext(deps);
  const { fs, files, p } = ctx;
  const record = readRecord(ctx);
  /** @type {string[]} */
  const removed = [];
  /** @type {Array<{ path: string, reason: string }>} */
  const kept = [];
  const candidates = new Set(record.manifests);
  if (ctx.platform !== 'win32') for (const b of BROWSERS) candidates.add(p.join(manifestDir(b, ctx, ctx.dataDir), MANIFEST_FILE));
  if (opts.userDataDir) candidates.add(userDataDirManifest(opts.userDataDir, ctx.platform));
  for (const path of candidates) {
    if (!fs.exists(path)) continue;
    const m = readJson(fs, path);
    if (m?.name === HOST_NAME && m.path === files.launcherPath) {
      if (fs.remove(path)) removed.push(path);
    } else {
      kept.push({ path, reason: 'not written by this installation (points elsewhere)' });
    }
  }
  for (const key of record.registryKeys) {
    const r = ctx.run('reg', ['delete', key, '/f']);
    if (r.status === 0) removed.push(key);
    else kept.push({ path: key, reason: r.stderr.trim() || 'reg delete failed' });
  }
  const ours = [files.configPath, files.launcherPath, files.recordPath, files.logPath, files.oldLogPath, files.lockPath, files.resultPath, files.statusPath];
  for (const f of ours) if (fs.exists(f) && fs.remove(f)) removed.push(f);
  // Directories install created (deepest first), then the data dir, if nothing else is in them.
  for (const dir of [ctx.dataDir, ...record.createdDirs].sort((a, b) => b.length - a.length)) {
    if (fs.exists(dir) && fs.rmdirIfEmpty(dir)) removed.push(dir);
  }
  return { removed, kept };
}

/** @param {string[]} argv */
function main(argv) {
  const { values } = parseArgs({ args: argv, options: { 'user-data-dir': { type: 'string' } } });
  const { removed, kept } = uninstall({ userDataDir: values['user-data-dir'] });
  if (removed.length === 0) console.log('Nothing to remove: the Ollama Chat native host is not installed.');
  else console.log(`Removed:\n${removed.map((r) => `  ${r}`).join('\n')}`);
  if (kept.length) console.log(`Left in place:\n${kept.map((k) => `  ${k.path} (${k.reason})`).join('\n')}`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    main(process.argv.slice(2));
  } catch (err) {
    console.error(`uninstall: ${messageOf(err)}`);
    process.exitCode = 1;
  }
}
