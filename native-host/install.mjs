#!/usr/bin/env node
// @ts-check
// node native-host/install.mjs --start-command "ollama serve" [--browser chrome|chromium|edge|brave|vivaldi|firefox|all]
//   [--url http://127.0.0.1:11434] [--user-data-dir DIR] [--ollama /path/to/ollama]
// Writes the host config + launcher in the data dir, and the host manifest where each browser reads it
// (Windows: registry keys pointing at it). Records what it wrote so that uninstall.mjs removes exactly that.
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { DEFAULT_URL, normalizeUrl } from './config.mjs';
import { makeContext, readJson, readRecord } from './context.mjs';
import { messageOf } from './errors.mjs';
import { launcherPath, launcherScript } from './launcher.mjs';
import { BROWSERS, MANIFEST_FILE, manifestDir, manifestFor, parseBrowsers, profileRoot, registryKey, userDataDirManifest } from './targets.mjs';
import { findTools } from './which.mjs';

/** @import { Context, Deps } from './context.mjs' */
/** @import { Browser, HostManifest } from './targets.mjs' */
/**
 * The command-line options; `ollama` is the absolute path of the ollama whose directory goes on the launcher's PATH.
 * @typedef {{ startCommand?: string, browsers?: Browser[], url?: string, userDataDir?: string, ollama?: string }} InstallOptions
 */
/** @typedef {ReturnType<typeof planInstall>} InstallPlan */

export const USAGE = `Usage: node native-host/install.mjs --start-command "ollama serve" [--browser ${BROWSERS.join('|')}|all]
       [--url ${DEFAULT_URL}] [--user-data-dir DIR] [--ollama /path/to/ollama]
Without --browser: every browser with a profile for this user (Chrome if none is found).
--user-data-dir DIR: only DIR/NativeMessagingHosts/ (a Chromium started with --user-data-dir=DIR).
--ollama PATH: the ollama to put on the host's PATH, when it is not found on yours.`;

/** Which browsers to install for when --browser is not given: those this user has run. */
/** @type {(ctx: Context) => Browser[]} */
function detectBrowsers(ctx) {
  if (ctx.platform === 'win32') return [...BROWSERS];
  const found = BROWSERS.filter((b) => {
    const root = profileRoot(b, ctx);
    return root !== null && ctx.fs.exists(root);
  });
  return found.length ? found : ['chrome'];
}

/** What install will write: {config, launcher, manifests:[{browser, path, manifest}], registry:[{browser, key, value}]}. */
export function planInstall(/** @type {InstallOptions} */ opts, /** @type {Context} */ ctx) {
  const old = readJson(ctx.fs, ctx.files.configPath) ?? {};
  // An earlier value is kept only when it is text, as the host reads it (config.mjs).
  const kept = (/** @type {unknown} */ v) => (typeof v === 'string' ? v : undefined);
  const startCommand = (opts.startCommand ?? kept(old.startCommand) ?? '').trim();
  if (!startCommand) throw new Error('--start-command is required, e.g. --start-command "ollama serve"');
  const url = normalizeUrl(opts.url ?? kept(old.url) ?? DEFAULT_URL);
  const tools = findTools(ctx, startCommand, opts.ollama);
  const PATH = launcherPath(ctx.platform, ctx.env, [tools.ollama, tools.program]);
  const launcherFile = ctx.files.launcherPath;
  /** @type {Array<{ browser: Browser, path: string, manifest: HostManifest }>} */
  const manifests = [];
  /** @type {Array<{ browser: Browser, key: string, value: string }>} */
  const registry = [];
  if (opts.userDataDir) {
    if (opts.browsers?.includes('firefox')) throw new Error('--user-data-dir is for Chromium-family browsers only');
    manifests.push({ browser: 'chromium', path: userDataDirManifest(opts.userDataDir, ctx.platform), manifest: manifestFor('chromium', launcherFile) });
  } else {
    for (const browser of opts.browsers?.length ? opts.browsers : detectBrowsers(ctx)) {
      const path = ctx.p.join(manifestDir(browser, ctx, ctx.dataDir), MANIFEST_FILE);
      manifests.push({ browser, path, manifest: manifestFor(browser, launcherFile) });
      if (ctx.platform === 'win32') registry.push({ browser, key: registryKey(browser), value: path });
    }
  }
  return {
    config: { path: ctx.files.configPath, value: { ...old, startCommand, url } },
    launcher: { path: launcherFile, text: launcherScript(ctx, PATH), PATH, ollama: tools.ollama },
    manifests,
    // Vivaldi shares Chrome's key on Windows: write each key once.
    registry: registry.filter((r, i) => registry.findIndex((o) => o.key === r.key) === i),
  };
}

/** Installs; returns the plan it carried out. deps: see context.mjs. */
/** @type {(opts: InstallOptions, deps?: Deps) => InstallPlan} */
export function install(opts, deps) {
  const ctx = makeContext(deps);
  const plan = planInstall(opts, ctx);
  const record = readRecord(ctx);
  const created = [...ctx.fs.privateDir(ctx.dataDir)];
  ctx.fs.write(plan.config.path, `${JSON.stringify(plan.config.value, null, 2)}\n`, 0o600);
  // Only the user runs it (the browser does, as the user); nobody else needs to read it.
  ctx.fs.write(plan.launcher.path, plan.launcher.text, 0o700);
  for (const m of plan.manifests) {
    created.push(...ctx.fs.mkdirp(ctx.p.dirname(m.path)));
    ctx.fs.write(m.path, `${JSON.stringify(m.manifest, null, 2)}\n`, 0o644);
  }
  for (const r of plan.registry) {
    const res = ctx.run('reg', ['add', r.key, '/ve', '/t', 'REG_SZ', '/d', r.value, '/f']);
    if (res.status !== 0) throw new Error(`reg add ${r.key} failed: ${res.stderr.trim()}`);
  }
  // The record keeps what every installation so far created, each once.
  const next = {
    manifests: [...new Set([...record.manifests, ...plan.manifests.map((m) => m.path)])],
    registryKeys: [...new Set([...record.registryKeys, ...plan.registry.map((r) => r.key)])],
    createdDirs: [...new Set([...record.createdDirs, ...created.filter((d) => d !== ctx.dataDir)])],
  };
  ctx.fs.write(ctx.files.recordPath, `${JSON.stringify(next, null, 2)}\n`, 0o600);
  return plan;
}

function main(/** @type {string[]} */ argv) {
  const { values } = parseArgs({
    args: argv,
    options: {
      'start-command': { type: 'string' },
      browser: { type: 'string', multiple: true },
      url: { type: 'string' },
      'user-data-dir': { type: 'string' },
      ollama: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) return console.log(USAGE);
  const opts = {
    startCommand: values['start-command'],
    browsers: values.browser ? parseBrowsers(values.browser) : undefined,
    url: values.url,
    userDataDir: values['user-data-dir'],
    ollama: values.ollama,
  };
  const plan = install(opts);
  console.log('Ollama Chat native host installed.');
  console.log(`  config:   ${plan.config.path}`);
  console.log(`            command: ${plan.config.value.startCommand}`);
  console.log(`            url:     ${plan.config.value.url}`);
  console.log(`  launcher: ${plan.launcher.path}`);
  console.log(`            PATH:    ${plan.launcher.PATH.join(process.platform === 'win32' ? ';' : ':')}`);
  console.log(`            ollama:  ${plan.launcher.ollama ?? 'not found (if the start command needs it, re-run with --ollama /path/to/ollama)'}`);
  for (const m of plan.manifests) console.log(`  ${m.browser.padEnd(9)} ${m.path}`);
  for (const r of plan.registry) console.log(`  registry  ${r.key}`);
  console.log('Check it with: npm run host:doctor');
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    main(process.argv.slice(2));
  } catch (err) {
    console.error(`install: ${messageOf(err)}\n\n${USAGE}`);
    process.exitCode = 1;
  }
}
