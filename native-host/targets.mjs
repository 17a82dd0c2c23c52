// Where each browser looks for native-messaging host manifests, and what the manifest says.
// Linux/macOS: a per-user directory; Windows: a per-user registry key whose default value is the
// manifest's path. https://developer.chrome.com/docs/extensions/develop/concepts/native-messaging
// https://developer.mozilla.org/en-US/docs/Mozilla/Add-ons/WebExtensions/Native_manifests
import { homeOf, pathFor } from './config.mjs';
import { CHROME_ORIGIN, GECKO_ID, HOST_NAME } from './ids.mjs';

export const CHROMIUM_FAMILY = ['chrome', 'chromium', 'edge', 'brave', 'vivaldi'];
export const BROWSERS = [...CHROMIUM_FAMILY, 'firefox'];
export const MANIFEST_FILE = `${HOST_NAME}.json`;

/** Profile roots under XDG_CONFIG_HOME (Linux) and ~/Library/Application Support (macOS). */
const LINUX = { chrome: 'google-chrome', chromium: 'chromium', edge: 'microsoft-edge', brave: 'BraveSoftware/Brave-Browser', vivaldi: 'vivaldi' };
const MAC = { chrome: 'Google/Chrome', chromium: 'Chromium', edge: 'Microsoft Edge', brave: 'BraveSoftware/Brave-Browser', vivaldi: 'Vivaldi' };
/** HKCU\Software\<this>\NativeMessagingHosts. Vivaldi on Windows reads Chrome's key (keepassxc-browser#48). */
const WINDOWS = { chrome: 'Google\\Chrome', chromium: 'Chromium', edge: 'Microsoft\\Edge', brave: 'BraveSoftware\\Brave-Browser', vivaldi: 'Google\\Chrome', firefox: 'Mozilla' };

/** {platform, env} → helpers bound to that user. */
function where({ platform = process.platform, env = process.env } = {}) {
  const p = pathFor(platform);
  const home = homeOf(env, platform);
  return { p, home, platform, support: p.join(home, 'Library', 'Application Support'), xdg: env.XDG_CONFIG_HOME || p.join(home, '.config') };
}

/** A directory that exists when the browser has been used by this user (POSIX; null on Windows). */
export function profileRoot(browser, ctx) {
  const { p, home, platform, support, xdg } = where(ctx);
  if (platform === 'win32') return null;
  if (browser === 'firefox') return platform === 'darwin' ? p.join(support, 'Firefox') : p.join(home, '.mozilla');
  return platform === 'darwin' ? p.join(support, ...MAC[browser].split('/')) : p.join(xdg, ...LINUX[browser].split('/'));
}

/** The directory the manifest goes in. On Windows it is ours (the registry points to it). */
export function manifestDir(browser, ctx, dataDir) {
  const { p, home, platform, support } = where(ctx);
  if (platform === 'win32') return p.join(dataDir, 'manifests', browser);
  if (browser === 'firefox') {
    return platform === 'darwin' ? p.join(support, 'Mozilla', 'NativeMessagingHosts') : p.join(home, '.mozilla', 'native-messaging-hosts');
  }
  return p.join(profileRoot(browser, ctx), 'NativeMessagingHosts');
}

/** Chromium with --user-data-dir=DIR reads hosts from DIR/NativeMessagingHosts only. */
export function userDataDirManifest(userDataDir, platform = process.platform) {
  const p = pathFor(platform);
  return p.join(p.resolve(userDataDir), 'NativeMessagingHosts', MANIFEST_FILE);
}

export function registryKey(browser) {
  return `HKCU\\Software\\${WINDOWS[browser]}\\NativeMessagingHosts\\${HOST_NAME}`;
}

/** The manifest for `browser` ('firefox' or a Chromium-family name) starting `launcherPath`. */
export function manifestFor(browser, launcherPath) {
  const base = { name: HOST_NAME, description: 'Ollama Chat: checks and starts the local Ollama server', path: launcherPath, type: 'stdio' };
  return browser === 'firefox' ? { ...base, allowed_extensions: [GECKO_ID] } : { ...base, allowed_origins: [CHROME_ORIGIN] };
}

/** Problems with a parsed manifest for `browser` pointing at `launcherPath`; [] when it is right. */
export function manifestProblems(browser, manifest, launcherPath, platform = process.platform) {
  const problems = [];
  if (!manifest || typeof manifest !== 'object') return ['not a JSON object'];
  if (manifest.name !== HOST_NAME) problems.push(`name is ${JSON.stringify(manifest.name)}, expected "${HOST_NAME}"`);
  if (manifest.type !== 'stdio') problems.push('type is not "stdio"');
  if (typeof manifest.path !== 'string' || !pathFor(platform).isAbsolute(manifest.path)) problems.push('path is not absolute');
  else if (manifest.path !== launcherPath) problems.push(`path is ${manifest.path}, expected ${launcherPath}`);
  const [key, id] = browser === 'firefox' ? ['allowed_extensions', GECKO_ID] : ['allowed_origins', CHROME_ORIGIN];
  if (!Array.isArray(manifest[key]) || !manifest[key].includes(id)) problems.push(`${key} lacks ${id}`);
  return problems;
}

/** Parses a --browser value list ("chrome,firefox", "all"); throws on unknown names. */
export function parseBrowsers(values) {
  const names = values.flatMap((v) => v.split(',')).map((v) => v.trim().toLowerCase()).filter(Boolean);
  if (names.includes('all')) return [...BROWSERS];
  for (const n of names) if (!BROWSERS.includes(n)) throw new Error(`Unknown browser "${n}" (use ${BROWSERS.join(', ')} or all)`);
  return [...new Set(names)];
}
