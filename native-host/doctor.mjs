#!/usr/bin/env node
// @ts-check
// node native-host/doctor.mjs [--user-data-dir DIR]
// Prints what is installed where, the configured command, whether the host answers `ping` when started
// through its launcher (real framing, a browser-like bare environment), and whether Ollama answers.
// Exit 0 when the host is healthy, 1 otherwise. Ollama being down is not a failure: the host starts it.
import { accessSync, constants } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { replyTo, talk } from './client.mjs';
import { loadConfig } from './config.mjs';
import { makeContext, readJson, readRecord } from './context.mjs';
import { CHROME_ORIGIN, HOST_NAME } from './ids.mjs';
import { isOllamaUp } from './probe.mjs';
import { BROWSERS, MANIFEST_FILE, manifestDir, manifestProblems, userDataDirManifest } from './targets.mjs';

/** What doctor asks the installed host, through its launcher as a browser would. */
const ASK_PING = { id: 'doctor', verb: 'ping' };
const ASK_STATUS = { id: 'status', verb: 'status' };

/** @import { Context, Deps } from './context.mjs' */
/** @import { Browser } from './targets.mjs' */
/** @typedef {(text: string) => void} Say */

/** [node, host.mjs] named by a launcher, or null. */
/** @type {(text: string, platform: string) => [string, string] | null} */
export function launcherTargets(text, platform) {
  const m = platform === 'win32' ? /^"([^"]+)" "([^"]+)" %\*/m.exec(text) : /^exec '((?:[^']|'\\'')*)' '((?:[^']|'\\'')*)'/m.exec(text);
  const unquote = (/** @type {string} */ s) => (platform === 'win32' ? s.replace(/%%/g, '%') : s.replace(/'\\''/g, "'"));
  return m?.[1] && m[2] ? [unquote(m[1]), unquote(m[2])] : null;
}

/** What the "Launcher:" line says; problems go to `problem` (whose return value is not a word). */
/** @type {(ctx: Context, problem: Say) => string} */
function checkLauncher(ctx, problem) {
  const { launcherPath } = ctx.files;
  if (!ctx.fs.exists(launcherPath)) {
    problem(`launcher missing: ${launcherPath}`);
    return `MISSING (${launcherPath})`;
  }
  const text = ctx.fs.read(launcherPath);
  const targets = launcherTargets(text, ctx.platform);
  if (!targets) {
    problem(`launcher ${launcherPath} is not one install.mjs wrote`);
    return `NOT OURS (${launcherPath})`;
  }
  if (ctx.platform !== 'win32') {
    try {
      accessSync(launcherPath, constants.X_OK);
    } catch {
      problem(`launcher is not executable: ${launcherPath}`);
    }
  }
  for (const t of targets) if (!ctx.fs.exists(t)) problem(`launcher runs ${t}, which does not exist (re-run install)`);
  const PATH = (ctx.platform === 'win32' ? /^set "PATH=(.*)"\r?$/m : /^PATH='(.*)'$/m).exec(text)?.[1] ?? '(not set)';
  return `${launcherPath}\n            runs ${targets.join(' ')}\n            PATH ${PATH}`;
}

/** @type {(ctx: Context, opts: { userDataDir?: string }, line: Say, problem: Say) => void} */
function checkManifests(ctx, opts, line, problem) {
  const record = readRecord(ctx);
  /** @type {Array<[Browser, string]>} */
  const places = ctx.platform === 'win32' ? [] : BROWSERS.map((b) => [b, ctx.p.join(manifestDir(b, ctx, ctx.dataDir), MANIFEST_FILE)]);
  const extra = [...record.manifests, ...(opts.userDataDir ? [userDataDirManifest(opts.userDataDir, ctx.platform)] : [])];
  for (const path of extra) if (!places.some(([, p]) => p === path)) places.push([path.includes('firefox') ? 'firefox' : 'chromium', path]);
  let valid = 0;
  for (const [browser, path] of places) {
    if (!ctx.fs.exists(path)) {
      line(`  ${browser.padEnd(9)} not installed (${path})`);
      continue;
    }
    const problems = manifestProblems(browser, readJson(ctx.fs, path), ctx.files.launcherPath, ctx.platform);
    if (problems.length === 0) valid++;
    else problem(`${path}: ${problems.join('; ')}`);
    line(`  ${browser.padEnd(9)} ${problems.length ? 'INVALID' : 'ok'} ${path}`);
  }
  for (const key of record.registryKeys) {
    const r = ctx.run('reg', ['query', key, '/ve']);
    const ok = r.status === 0 && r.stdout.includes(ctx.dataDir);
    if (ok) valid++;
    else problem(`registry key ${key} is missing or points elsewhere`);
    line(`  registry  ${ok ? 'ok' : 'MISSING'} ${key}`);
  }
  if (valid === 0) problem(`no host manifest installed: run npm run host:install -- --start-command "ollama serve"`);
}

/**
 * Runs every check; resolves {healthy, lines}. deps: see context.mjs (plus probe for tests).
 * @type {(opts?: { userDataDir?: string }, deps?: Deps) => Promise<{ healthy: boolean, lines: string[], problems: string[] }>}
 */
export async function doctor(opts = {}, deps = {}) {
  const ctx = makeContext(deps);
  /** @type {string[]} */
  const lines = [];
  /** @type {string[]} */
  const problems = [];
  /** @type {Say} */
  const line = (s) => {
    lines.push(s);
  };
  /** @type {Say} */
  const problem = (s) => {
    problems.push(s);
  };
  const config = loadConfig(ctx.env, ctx.platform);
  line(`Ollama Chat native host (${HOST_NAME}) — doctor`);
  line(`Data dir:   ${ctx.dataDir}`);
  line(`Config:     ${ctx.fs.exists(config.configPath) ? config.configPath : `missing (${config.configPath})`}`);
  for (const w of config.warnings) problem(w);
  if (config.command) line(`Command:    ${config.command}  (from ${config.commandSource})`);
  else problem('no start command: OLLAMA_START_COMMAND is not set and the config has none');
  line(`Ollama URL: ${config.url}  (${config.urlSource})`);
  line(`Launcher:   ${checkLauncher(ctx, problem)}`);
  line('Manifests:');
  checkManifests(ctx, opts, line, problem);

  /** @type {unknown} */
  let running = null;
  if (ctx.fs.exists(ctx.files.launcherPath)) {
    const env = ctx.platform === 'win32' ? ctx.env : { PATH: '/usr/bin:/bin', HOME: ctx.home };
    const started = Date.now();
    const shell = ctx.platform === 'win32';
    const r = await talk(ctx.files.launcherPath, [CHROME_ORIGIN], [ASK_PING, ASK_STATUS], { env, shell });
    const ping = replyTo(r.replies, 'doctor');
    if (ping?.ok && ping.host === HOST_NAME) line(`Host ping:  ok (version ${ping.version}, ${Date.now() - started} ms)`);
    else problem(`the host did not answer ping through its launcher: ${r.error ?? `exit code ${r.code}`} ${r.stderr.trim()}`.trim());
    running = replyTo(r.replies, 'status')?.running ?? null;
  }
  running ??= await (deps.probe ?? isOllamaUp)(config.url, config.probeTimeoutMs);
  line(`Ollama:     ${running ? `answering at ${config.url}` : `not answering at ${config.url} (the extension asks the host to start it)`}`);
  line(problems.length ? `\nPROBLEMS (${problems.length}):\n${problems.map((p) => `  - ${p}`).join('\n')}` : '\nHealthy.');
  return { healthy: problems.length === 0, lines, problems };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { values } = parseArgs({ args: process.argv.slice(2), options: { 'user-data-dir': { type: 'string' } } });
  doctor({ userDataDir: values['user-data-dir'] }).then(
    (r) => {
      console.log(r.lines.join('\n'));
      process.exitCode = r.healthy ? 0 : 1;
    },
    (err) => {
      console.error(`doctor: ${err.stack ?? err}`);
      process.exitCode = 1;
    },
  );
}
