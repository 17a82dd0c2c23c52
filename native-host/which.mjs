// @ts-check
// Finding `ollama` (and the start command's program) at install time, to put its directory on the
// launcher's PATH. The installer may run under `npm run`, whose PATH begins with node_modules/.bin
// dirs of this project and its parents: those (and relative or empty entries) are never searched,
// so that nothing from them can shadow a system tool when the browser runs the launcher.
import { pathFor } from './config.mjs';

/** @import { Context } from './context.mjs' */

/**
 * True for an absolute directory outside any node_modules tree.
 * @param {unknown} dir
 * @param {string} platform
 */
export function searchable(dir, platform) {
  const p = pathFor(platform);
  return typeof dir === 'string' && dir !== '' && p.isAbsolute(dir) && !p.normalize(dir).split(/[\\/]/).includes('node_modules');
}

/**
 * The program a start command runs: its first word after NAME=value assignments, unquoted; or null.
 * @param {string} command
 */
export function programOf(command) {
  const words = String(command).match(/"[^"]*"|'[^']*'|\S+/g) ?? [];
  const first = words.find((w) => !/^[A-Za-z_][A-Za-z0-9_]*=/.test(w));
  return first ? first.replace(/^(["'])(.*)\1$/, '$2') : null;
}

/**
 * Where an installed ollama usually is, beyond PATH and the system places (which the launcher has anyway).
 * @param {Context} ctx
 */
function usualDirs(ctx) {
  const { p, env, home, platform } = ctx;
  if (platform === 'win32') return [p.join(env.LOCALAPPDATA || p.join(home, 'AppData', 'Local'), 'Programs', 'Ollama')];
  const mine = [p.join(home, '.local', 'bin'), p.join(home, 'bin')];
  return platform === 'darwin'
    ? ['/opt/homebrew/bin', '/usr/local/bin', '/Applications/Ollama.app/Contents/Resources', ...mine]
    : ['/usr/local/bin', '/usr/bin', ...mine];
}

/** @type {(ctx: Context, file: string) => boolean} */
const isProgram = (ctx, file) => (ctx.fs.isExecutable ? ctx.fs.isExecutable(file) : ctx.fs.exists(file));

/**
 * The absolute path of program `name` in the installer's PATH (searchable dirs only), then the usual dirs; or null.
 * @param {Context} ctx
 * @param {string} name
 * @returns {string | null}
 */
export function findProgram(ctx, name) {
  const { p, env, platform } = ctx;
  if (p.isAbsolute(name)) return searchable(p.dirname(name), platform) && isProgram(ctx, name) ? name : null;
  if (name.includes('/') || name.includes('\\')) return null; // relative to a cwd the browser will not have
  const sep = platform === 'win32' ? ';' : ':';
  const dirs = [...(env.PATH ?? env.Path ?? '').split(sep), ...usualDirs(ctx)].filter((d) => searchable(d, platform));
  const names = platform === 'win32' && !/\.\w+$/.test(name) ? ['.exe', '.cmd', '.bat'].map((x) => name + x) : [name];
  for (const dir of dirs) for (const n of names) if (isProgram(ctx, p.join(dir, n))) return p.join(dir, n);
  return null;
}

/**
 * {ollama, program}: where `ollama` is (`explicit`, an absolute path from --ollama, wins) and where the
 * start command's program is; either may be null. Throws on an --ollama that cannot be used.
 * @param {Context} ctx
 * @param {string} startCommand
 * @param {string} [explicit]
 * @returns {{ ollama: string | null, program: string | null }}
 */
export function findTools(ctx, startCommand, explicit) {
  /** @type {string | null} */
  let ollama = null;
  if (explicit) {
    if (!ctx.p.isAbsolute(explicit)) throw new Error(`--ollama must be an absolute path: ${explicit}`);
    if (!searchable(ctx.p.dirname(explicit), ctx.platform)) throw new Error(`--ollama must not be inside node_modules: ${explicit}`);
    if (!isProgram(ctx, explicit)) throw new Error(`--ollama ${explicit}: no such program`);
    ollama = explicit;
  }
  ollama ??= findProgram(ctx, ctx.platform === 'win32' ? 'ollama.exe' : 'ollama');
  const name = programOf(startCommand);
  return { ollama, program: name ? findProgram(ctx, name) : null };
}
