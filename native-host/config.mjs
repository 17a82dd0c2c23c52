// @ts-check
// Where the host keeps its files, and what it runs: read ONLY from the host's environment and its
// config file (written by install.mjs). Nothing in a message reaches this module.
import { homedir } from 'node:os';
import path from 'node:path';
import { codeOf, messageOf } from './errors.mjs';
import { checkPrivate, readPrivate, UnsafePathError } from './private.mjs';

/** @typedef {Record<string, string | undefined>} Env a process environment, or a test's stand-in for one */
/** @typedef {ReturnType<typeof filesIn>} HostFiles */
/** @typedef {ReturnType<typeof loadConfig>} HostConfig */

export const DEFAULT_URL = 'http://127.0.0.1:11434';
export const START_TIMEOUT_MS = 10_000;
export const POLL_INTERVAL_MS = 500;
export const PROBE_TIMEOUT_MS = 2_000;

/** path.win32 or path.posix, so that Windows paths can be computed (and tested) on any OS. */
export const pathFor = (/** @type {string} */ platform) => (platform === 'win32' ? path.win32 : path.posix);

/** The user's home: HOME (POSIX) / USERPROFILE (Windows) from `env`, else the OS's idea of it. */
export function homeOf(/** @type {Env} */ env = process.env, /** @type {string} */ platform = process.platform) {
  return (platform === 'win32' ? env.USERPROFILE : env.HOME) || homedir();
}

/** The host's data dir (config, launcher, start log, lock). OLLAMA_CHAT_HOST_DIR overrides it. */
export function dataDirFor(/** @type {Env} */ env = process.env, /** @type {string} */ platform = process.platform) {
  if (env.OLLAMA_CHAT_HOST_DIR) return env.OLLAMA_CHAT_HOST_DIR;
  const p = pathFor(platform);
  const home = homeOf(env, platform);
  if (platform === 'win32') return p.join(env.LOCALAPPDATA || p.join(home, 'AppData', 'Local'), 'ollama-chat');
  if (platform === 'darwin') return p.join(home, 'Library', 'Application Support', 'ollama-chat');
  return p.join(env.XDG_DATA_HOME || p.join(home, '.local', 'share'), 'ollama-chat');
}

/** The files in the data dir. */
export function filesIn(/** @type {string} */ dataDir, /** @type {string} */ platform = process.platform) {
  const p = pathFor(platform);
  return {
    configPath: p.join(dataDir, 'config.json'),
    launcherPath: p.join(dataDir, platform === 'win32' ? 'ollama_chat_host.bat' : 'ollama_chat_host'),
    recordPath: p.join(dataDir, 'installed.json'),
    logPath: p.join(dataDir, 'ollama-start.log'),
    /** the start log's previous part, once it outgrew its cap */
    oldLogPath: p.join(dataDir, 'ollama-start.log.1'),
    lockPath: p.join(dataDir, 'start.lock'),
    resultPath: p.join(dataDir, 'last-start.json'),
    /** how the last launched command ended, written by runner.mjs */
    statusPath: p.join(dataDir, 'last-exit.json'),
  };
}

/** "http(s)://host[:port][/path]" without the trailing slash; throws on anything else. */
export function normalizeUrl(/** @type {string} */ value) {
  const u = new URL(String(value).trim());
  if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new TypeError(`Not an http(s) URL: ${value}`);
  if (u.search || u.hash || u.username || u.password) throw new TypeError(`URL must be a plain base URL: ${value}`);
  return u.href.replace(/\/+$/, '');
}

/** OLLAMA_HOST as Ollama reads it: scheme http, host 127.0.0.1, port 11434 unless given (80/443 with a scheme). */
export function parseOllamaHost(/** @type {string} */ value) {
  let rest = String(value).trim();
  let scheme = 'http';
  let defaultPort = '11434';
  const m = /^(https?):\/\//i.exec(rest);
  if (m?.[1]) {
    scheme = m[1].toLowerCase();
    rest = rest.slice(m[0].length);
    defaultPort = scheme === 'https' ? '443' : '80';
  }
  if (rest === '' || rest.startsWith(':')) rest = `127.0.0.1${rest}`;
  const u = new URL(`${scheme}://${rest}`);
  const authority = rest.split('/')[0] ?? '';
  if (!/:\d+$/.test(authority)) u.port = defaultPort;
  // A server bound to every interface is reached on loopback.
  if (u.hostname === '0.0.0.0') u.hostname = '127.0.0.1';
  if (u.hostname === '[::]') u.hostname = '[::1]';
  return normalizeUrl(u.href);
}

/**
 * {file, error, refusal}: refusal is set when the data dir or config.json is a symlink or not ours.
 * @type {(dataDir: string, configPath: string) => { file: Record<string, unknown>, error: string | null, refusal: string | null }}
 */
function readConfigFile(dataDir, configPath) {
  let text;
  try {
    checkPrivate(dataDir, 'directory');
    text = readPrivate(configPath);
  } catch (err) {
    if (codeOf(err) === 'ENOENT') return { file: {}, error: null, refusal: null };
    if (err instanceof UnsafePathError) return { file: {}, error: `${err.message}; its settings are ignored`, refusal: err.message };
    return { file: {}, error: `cannot read ${configPath}: ${messageOf(err)}`, refusal: null };
  }
  try {
    const file = JSON.parse(text);
    if (file && typeof file === 'object' && !Array.isArray(file)) return { file, error: null, refusal: null };
  } catch {}
  return { file: {}, error: `${configPath} is not a JSON object`, refusal: null };
}

const nonEmpty = (/** @type {unknown} */ v) => (typeof v === 'string' && v.trim() ? v.trim() : null);
/** @type {(v: unknown, min: number, max: number, fallback: number) => number} */
const knob = (v, min, max, fallback) => (typeof v === 'number' && Number.isFinite(v) && v >= min && v <= max ? v : fallback);

/**
 * The host's settings. Environment beats the config file:
 * command: OLLAMA_START_COMMAND, else config.startCommand, else null;
 * url: OLLAMA_HOST (Ollama's syntax), else config.url, else DEFAULT_URL.
 * config.startTimeoutMs / config.pollIntervalMs are TEST-ONLY knobs (defaults 10 s / 0.5 s).
 * `refusal` is set when the data dir or config.json is a symlink or someone else's: start refuses with it.
 */
export function loadConfig(/** @type {Env} */ env = process.env, /** @type {string} */ platform = process.platform) {
  const dataDir = dataDirFor(env, platform);
  const files = filesIn(dataDir, platform);
  const { file, error, refusal } = readConfigFile(dataDir, files.configPath);
  const warnings = error ? [error] : [];
  const envCommand = nonEmpty(env.OLLAMA_START_COMMAND);
  const fileCommand = nonEmpty(file.startCommand);
  const envHost = nonEmpty(env.OLLAMA_HOST);
  let url = DEFAULT_URL;
  let urlSource = 'default';
  try {
    if (envHost) [url, urlSource] = [parseOllamaHost(envHost), 'env OLLAMA_HOST'];
    else if (typeof file.url === 'string' && file.url.trim()) [url, urlSource] = [normalizeUrl(file.url), 'config'];
  } catch (err) {
    warnings.push(`ignoring bad URL (${messageOf(err)}); using ${DEFAULT_URL}`);
  }
  return Object.freeze({
    dataDir,
    ...files,
    command: envCommand ?? fileCommand,
    commandSource: envCommand ? 'env OLLAMA_START_COMMAND' : fileCommand ? 'config' : null,
    url,
    urlSource,
    startTimeoutMs: knob(file.startTimeoutMs, 50, 120_000, START_TIMEOUT_MS),
    pollIntervalMs: knob(file.pollIntervalMs, 10, 5_000, POLL_INTERVAL_MS),
    probeTimeoutMs: PROBE_TIMEOUT_MS,
    warnings,
    refusal,
  });
}
