/** User settings and their validation; storage lives in lib/storage/items.ts. */
import type { CustomPrompt } from './selection/menus';
import { DEFAULT_SELECTION_LIMIT } from './selection/prompt';

export interface Settings {
  /** Where Ollama listens, without a trailing slash. */
  baseUrl: string;
  /** Model to pick when the user has not chosen one yet. */
  defaultModel: string;
  /** Cancel a reply when no chunk arrives for this long once it has started. */
  stallTimeoutMs: number;
  /** Loading a model can take minutes, so the first chunk gets its own, longer allowance. */
  firstTokenTimeoutMs: number;
  /** Ask the native host to start Ollama when it refuses connections (seed-system.md, layer 1). */
  autoStart: boolean;
  /** After Ollama was started, wait this long before retrying (seed-system.md: 2 s). */
  retryDelayMs: number;
  /** Longer selections are cut to this many characters, with a visible note. */
  selectionLimit: number;
  /** The user's own context-menu prompts; `{selection}` in the template is replaced. */
  customPrompts: CustomPrompt[];
}

export const DEFAULT_SETTINGS: Settings = {
  baseUrl: 'http://localhost:11434',
  defaultModel: 'llama3',
  stallTimeoutMs: 60_000,
  firstTokenTimeoutMs: 300_000,
  autoStart: true,
  retryDelayMs: 2_000,
  selectionLimit: DEFAULT_SELECTION_LIMIT,
  customPrompts: [],
};

export type UrlCheck = { ok: true; url: string } | { ok: false; error: string };

/** Accepts http(s) URLs with a host and no query/fragment; returns the normalised origin+path. */
export function normalizeBaseUrl(input: string): UrlCheck {
  const text = input.trim();
  if (!text) return { ok: false, error: 'Enter the address of your Ollama server.' };
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { ok: false, error: `"${text}" is not a valid URL (example: http://localhost:11434).` };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return { ok: false, error: 'The URL must start with http:// or https://.' };
  }
  if (url.username || url.password) {
    return { ok: false, error: 'Put no user name or password in the URL.' };
  }
  if (url.search || url.hash) {
    return { ok: false, error: 'The URL must not have a query (?) or fragment (#).' };
  }
  const path = url.pathname.replace(/\/+$/, '');
  return { ok: true, url: `${url.origin}${path}` };
}

const LOCAL_HOSTNAMES = new Set(['localhost', '127.0.0.1']);

/** Local hosts are covered by the manifest's host_permissions; others need a runtime grant. */
export function isLocalUrl(baseUrl: string): boolean {
  const url = new URL(baseUrl);
  return url.protocol === 'http:' && LOCAL_HOSTNAMES.has(url.hostname);
}

/** The match pattern a runtime permission request needs for this server. */
export function originPattern(baseUrl: string): string {
  const u = new URL(baseUrl);
  return `${u.protocol}//${u.hostname}/*`;
}
