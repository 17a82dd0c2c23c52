// @ts-check
// Identity of the native host. Copied, not imported: the host runs under plain Node and must not
// import extension code. The ids are copies of lib/extension-id.ts (CHROME_EXTENSION_ID, GECKO_ID);
// tests/native-host/ids.test.ts fails when they drift apart.

/** Native-messaging host name: the browsers require /^[a-z0-9_.]+$/ (and no leading/trailing dot). */
export const HOST_NAME = 'ollama_chat';

/** Host protocol/package version, reported by `ping` (kept equal to package.json's version by a test). */
export const VERSION = '0.1.0';

/** Chrome extension id, fixed by the manifest `key` (copy of lib/extension-id.ts CHROME_EXTENSION_ID). */
export const CHROME_EXTENSION_ID = 'mbcjnhboajekpfnlfaeommegidfehgna';

/** Firefox add-on id, browser_specific_settings.gecko.id (copy of lib/extension-id.ts GECKO_ID). */
export const GECKO_ID = 'ollama-chat@ollama-chat.dev';

/** Chromium-family `allowed_origins` entry: the trailing slash is required. */
export const CHROME_ORIGIN = `chrome-extension://${CHROME_EXTENSION_ID}/`;
