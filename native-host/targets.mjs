// @ts-check
// Where each browser looks for native-messaging host manifests, and what the manifest says.
// Linux/macOS: a per-user directory; Windows: a per-user registry key whose default value is the
// manifest's path. https://developer.chrome.com/docs/extensions/develop/concepts/native-messaging
// https://developer.mozilla.org/en-US/docs/Mozilla/Add-ons/WebExtensions/Native_manifests
import { homeOf, pathFor } from './config.mjs';
import { CHROME_ORIGIN, GECKO_ID, HOST_NAME } from './ids.mjs';

/** @import { Env } from './config.mjs' */
/** @typedef {'chrome' | 'chromium' | 'edge' | 'brave' | 'vivaldi'} ChromiumBrowser */
/** @typedef {ChromiumBrowser | 'firefox'} Browser */
/** @typedef {{ platform?: string, env?: Env }} Where whose browsers: a platform and a user's environment */
/** @typedef {{ name: string, description: string, path: string, type: 'stdio', allowed_origins?: string[], allowed_extensions?: string[] }} HostManifest */

/** @type {ChromiumBrowser[]} */
export const CHROMIUM_FAMILY = ['chrome', 'chromium', 'edge', 'brave', 'vivaldi'];
/** @type {Browser[]} */
export const BROWSERS = [...CHROMIUM_FAMILY, 'firefox'];
export const MANIFEST_FILE = `${HOST_NAME}.json`;

/**
 * Profile roots under XDG_CONFIG_HOME (Linux) and ~/Library/Application Support (macOS).
 * @type {Record<ChromiumBrowser, string>}
 */
const LINUX = { chrome: 'google-chrome', chromium: 'chromium', edge: 'microsoft-edge', brave: 'BraveSoftware/Brave-Browser', vivaldi: 'vivaldi' };
/** @type {Record<ChromiumBrowser, string>} */
const MAC = { chrome: 'Google/Chrome', chromium: 'Chromium', edge: 'Microsoft Edge', brave: 'BraveSoftware/Brave-Browser', vivaldi: 'Vivaldi' };
/**
 * HKCU\Software\<this>\NativeMessagingHosts. Vivaldi on Windows reads Chrome's key (keepassxc-browser#48).
 * @type {Record<Browser, string>}
 */
const WINDOWS = {
  chrome: 'Google\\Chrome',
  chromium: 'Chromium',
  edge: 'Microsoft\\Edge',
  brave: 'BraveSoftware\\Brave-Browser',
  vivaldi: 'Google\\Chrome',
  firefox: 'Mozilla',
};

/** {platform, env} → helpers bound to that user. */
function where(/** @type {Where} */ { platform = process.platform, env = process.env } = {}) {
  const p = pathFor(platform);
  const home = homeOf(env, platform);
  return { p, home, platform, support: p.join(home, 'Library', 'Application Support'), xdg: env.XDG_CONFIG_HOME || p.join(home, '.config') };
}

/** A directory that exists when the browser has been used by this user (POSIX; null on Windows). */
export function profileRoot(/** @type {Browser} */ browser, /** @type {Where} */ ctx) {
  const w = where(ctx);
  const { p, home, platform, support } = w;
  if (platform === 'win32') return null;
  if (browser === 'firefox') return platform === 'darwin' ? p.join(support, 'Firefox') : p.join(home, '.mozilla');
  return chromiumRoot(browser, w);
}

/** A Chromium-family browser's profile root (POSIX). */
/** @type {(browser: ChromiumBrowser, w: ReturnType<typeof where>) => string} */
function chromiumRoot(browser, { p, platform, support, xdg }) {
  return platform === 'darwin' ? p.join(support, ...MAC[browser].split('/')) : p.join(xdg, ...LINUX[browser].split('/'));
}

/** The directory the manifest goes in. On Windows it is ours (the registry points to it). */
export function manifestDir(/** @type {Browser} */ browser, /** @type {Where} */ ctx, /** @type {string} */ dataDir) {
  const w = where(ctx);
  const { p, home, platform, support } = w;
  if (platform === 'win32') return p.join(dataDir, 'manifests', browser);
  if (browser === 'firefox') {
    return platform === 'darwin' ? p.join(support, 'Mozilla', 'NativeMessagingHosts') : p.join(home, '.mozilla', 'native-messaging-hosts');
  }
  return p.join(chromiumRoot(browser, w), 'NativeMessagingHosts');
}

/** Chromium with --user-data-dir=DIR reads hosts from DIR/NativeMessagingHosts only. */
export function userDataDirManifest(/** @type {string} */ userDataDir, /** @type {string} */ platform = process.platform) {
  const p = pathFor(platform);
  return p.join(p.resolve(userDataDir), 'NativeMessagingHosts', MANIFEST_FILE);
}

export function registryKey(/** @type {Browser} */ browser) {
  return `HKCU\\Software\\${WINDOWS[browser]}\\NativeMessagingHosts\\${HOST_NAME}`;
}

/** The manifest for `browser` ('firefox' or a Chromium-family name) starting `launcherPath`. */
/** @type {(browser: Browser, launcherPath: string) => HostManifest} */
export function manifestFor(browser, launcherPath) {
  /** @type {HostManifest} */
  const base = { name: HOST_NAME, description: 'Ollama Chat: checks and starts the local Ollama server', path: launcherPath, type: 'stdio' };
  return browser === 'firefox' ? { ...base, allowed_extensions: [GECKO_ID] } : { ...base, allowed_origins: [CHROME_ORIGIN] };
}

/**
 * Problems with a parsed manifest for `browser` pointing at `launcherPath`; [] when it is right.
 * @type {(browser: Browser, manifest: unknown, launcherPath: string, platform?: string) => string[]}
 */
export function manifestProblems(browser, manifest, launcherPath, platform = process.platform) {
  const problems = [];
  if (!isObject(manifest)) return ['not a JSON object'];
  if (manifest.name !== HOST_NAME) problems.push(`name is ${JSON.stringify(manifest.name)}, expected "${HOST_NAME}"`);
  if (manifest.type !== 'stdio') problems.push('type is not "stdio"');
  if (typeof manifest.path !== 'string' || !pathFor(platform).isAbsolute(manifest.path)) problems.push('path is not absolute');
  else if (manifest.path !== launcherPath) problems.push(`path is ${manifest.path}, expected ${launcherPath}`);
  const [key, id] = browser === 'firefox' ? ['allowed_extensions', GECKO_ID] : ['allowed_origins', CHROME_ORIGIN];
  if (!Array.isArray(manifest[key]) || !manifest[key].includes(id)) problems.push(`${key} lacks ${id}`);
  return problems;
}

/** @type {(v: unknown) => v is Record<string, unknown>} */
const isObject = (v) => Boolean(v) && typeof v === 'object';

/** @type {(name: string) => name is Browser} */
const isBrowser = (name) => BROWSERS.some((b) => b === name);

/**
 * Parses a --browser value list ("chrome,firefox", "all"); throws on unknown names.
 * @type {(values: string[]) => Browser[]}
 */
export function parseBrowsers(values) {
  const names = values
    .flatMap((v) => v.split(','))
    .map((v) => v.trim().toLowerCase())
    .filter(Boolean);
  if (names.includes('all')) return [...BROWSERS];
  const browsers = names.map((n) => {
    if (!isBrowser(n)) throw new Error(`Unknown browser "${n}" (use ${BROWSERS.join(', ')} or all)`);
    return n;
  });
  return [...new Set(browsers)];
}
