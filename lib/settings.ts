/** User settings, their defaults and their validation; storage lives in lib/storage/items.ts. */
import { t } from './i18n';
import { type ModelParameters, type PromptPreset, sanitizeModelParameters, sanitizeParameters, sanitizePresets } from './model-params';
import { type Connection, LOCAL_CONNECTION, resolveConnection, sanitizeConnections } from './connections';
import type { CustomPrompt } from './selection/menus';
import { normalizeBaseUrl } from './url-check';
import { DEFAULT_SELECTION_LIMIT } from './selection/prompt';

export interface Settings {
  /**
   * Where the default connection's Ollama listens, without a trailing slash; always equal to that
   * connection's `baseUrl` (stored too, so older versions and a downgrade still find the server).
   */
  baseUrl: string;
  /** The Ollama servers (lib/connections.ts); never empty. */
  connections: Connection[];
  /** The id of the connection new chats use. */
  defaultConnection: string;
  /** Model to pick when the user has not chosen one yet. */
  defaultModel: string;
  /** Cancel a reply when no chunk arrives for this long once it has started. */
  stallTimeoutMs: number;
  /** Loading a model can take minutes, so the first chunk gets its own, longer allowance. */
  firstTokenTimeoutMs: number;
  /** Ask the native host to start Ollama when it refuses connections (docs/spec/seed-system.md, layer 1). */
  autoStart: boolean;
  /** After Ollama was started, wait this long before retrying (docs/spec/seed-system.md: 2 s). */
  retryDelayMs: number;
  /** Longer selections are cut to this many characters, with a visible note. */
  selectionLimit: number;
  /** The user's own context-menu prompts; `{selection}` in the template is replaced. */
  customPrompts: CustomPrompt[];
  /** Which key sends from the message box; the other way of pressing Enter makes a new line. */
  sendKey: SendKey;
  /** Light or dark colours; 'system' follows the OS (prefers-color-scheme). */
  theme: Theme;
  /** The system prompt of a conversation that has none of its own; empty: none is sent. */
  systemPrompt: string;
  /** Named system prompts, picked per conversation. */
  promptPresets: PromptPreset[];
  /** Sent with every request (`options`, `keep_alive`); unset fields are Ollama's defaults. */
  parameters: ModelParameters;
  /** Per model name, the fields that differ from `parameters`. */
  modelParameters: Record<string, ModelParameters>;
}

/** 'enter': Enter sends, Shift+Enter is a new line. 'ctrl-enter': Ctrl/⌘+Enter sends, Enter is a new line. */
export type SendKey = 'enter' | 'ctrl-enter';
export const SEND_KEYS: readonly SendKey[] = ['enter', 'ctrl-enter'];

export const THEMES = ['system', 'light', 'dark'] as const;
export type Theme = (typeof THEMES)[number];

const DEFAULT_URL = 'http://localhost:11434';

export const DEFAULT_SETTINGS: Settings = {
  baseUrl: DEFAULT_URL,
  connections: [{ ...LOCAL_CONNECTION, baseUrl: DEFAULT_URL, headers: [] }],
  defaultConnection: LOCAL_CONNECTION.id,
  defaultModel: 'llama3',
  stallTimeoutMs: 60_000,
  firstTokenTimeoutMs: 300_000,
  autoStart: true,
  retryDelayMs: 2_000,
  selectionLimit: DEFAULT_SELECTION_LIMIT,
  customPrompts: [],
  sendKey: 'enter',
  theme: 'system',
  systemPrompt: '',
  promptPresets: [],
  parameters: {},
  modelParameters: {},
};

/** The selection limit Settings accepts, in characters. */
export const SELECTION_LIMIT_RANGE = { min: 100, max: 1_000_000 } as const;

// setTimeout keeps its delay in a signed 32-bit int: a longer one fires at once, so a huge
// stored timeout would cancel every reply immediately instead of never.
const MAX_TIMER_MS = 2 ** 31 - 1;

const inRange =
  (min: number, max: number) =>
  (v: unknown): v is number =>
    typeof v === 'number' && Number.isFinite(v) && v >= min && v <= max;
const isText = (v: unknown): v is string => typeof v === 'string' && v.trim() !== '';

function validPrompt(v: unknown): v is CustomPrompt {
  if (typeof v !== 'object' || v === null) return false;
  const p = v as Record<string, unknown>;
  return isText(p.id) && isText(p.title) && isText(p.template);
}

/** Keeps the well-formed prompts, once per id: menu ids must be unique or creating them fails. */
function readPrompts(v: unknown): CustomPrompt[] {
  if (!Array.isArray(v)) return DEFAULT_SETTINGS.customPrompts;
  const seen = new Set<string>();
  const kept: CustomPrompt[] = [];
  for (const p of v) {
    if (!validPrompt(p) || seen.has(p.id)) continue;
    seen.add(p.id);
    kept.push({ id: p.id, title: p.title, template: p.template });
  }
  return kept;
}

/**
 * Settings from whatever storage holds. Stored values can be from an older version, edited by
 * hand or damaged, so each field is checked on its own: a bad one falls back to its default and
 * the good ones are kept. Unknown fields are dropped.
 */
export function sanitizeSettings(raw: unknown): Settings {
  // Own fields only: nothing inherited counts as a stored setting.
  const s: Record<string, unknown> = typeof raw === 'object' && raw !== null && !Array.isArray(raw) ? Object.fromEntries(Object.entries(raw)) : {};
  const d = DEFAULT_SETTINGS;
  const timeout = inRange(1, MAX_TIMER_MS);
  return {
    ...readConnections(s),
    defaultModel: isText(s.defaultModel) ? s.defaultModel.trim() : d.defaultModel,
    stallTimeoutMs: timeout(s.stallTimeoutMs) ? s.stallTimeoutMs : d.stallTimeoutMs,
    firstTokenTimeoutMs: timeout(s.firstTokenTimeoutMs) ? s.firstTokenTimeoutMs : d.firstTokenTimeoutMs,
    autoStart: typeof s.autoStart === 'boolean' ? s.autoStart : d.autoStart,
    retryDelayMs: inRange(0, MAX_TIMER_MS)(s.retryDelayMs) ? s.retryDelayMs : d.retryDelayMs,
    selectionLimit:
      Number.isInteger(s.selectionLimit) && inRange(SELECTION_LIMIT_RANGE.min, SELECTION_LIMIT_RANGE.max)(s.selectionLimit)
        ? s.selectionLimit
        : d.selectionLimit,
    customPrompts: readPrompts(s.customPrompts),
    sendKey: SEND_KEYS.find((k) => k === s.sendKey) ?? d.sendKey,
    theme: THEMES.find((t) => t === s.theme) ?? d.theme,
    systemPrompt: typeof s.systemPrompt === 'string' ? s.systemPrompt : d.systemPrompt,
    promptPresets: sanitizePresets(s.promptPresets),
    parameters: sanitizeParameters(s.parameters),
    modelParameters: sanitizeModelParameters(s.modelParameters),
  };
}

/**
 * The connections, or the migration from before they existed: the one `baseUrl` becomes the
 * connection "Local", so an existing user keeps their server (and its conversations, which name
 * no connection, reopen on it). A stored `baseUrl` stays the default connection's URL: what
 * Settings' "Ollama URL" field and older writers (`npm start` pointing at the server it found) set.
 */
function readConnections(s: Record<string, unknown>): Pick<Settings, 'baseUrl' | 'connections' | 'defaultConnection'> {
  const url = typeof s.baseUrl === 'string' ? normalizeBaseUrl(s.baseUrl) : null;
  const stored = sanitizeConnections(s.connections);
  const connections = stored.length > 0 ? stored : [{ ...LOCAL_CONNECTION, baseUrl: DEFAULT_URL, headers: [] }];
  const chosen = resolveConnection({ connections, defaultConnection: typeof s.defaultConnection === 'string' ? s.defaultConnection : '' });
  const baseUrl = url?.ok ? url.url : chosen.baseUrl;
  return { baseUrl, connections: connections.map((c) => (c === chosen ? { ...c, baseUrl } : c)), defaultConnection: chosen.id };
}

/** What to write when the connections change: `baseUrl` and the default follow them. */
export function connectionsPatch(
  connections: readonly Connection[],
  defaultConnection: string,
): Pick<Settings, 'baseUrl' | 'connections' | 'defaultConnection'> {
  return readConnections({ connections, defaultConnection });
}

export { normalizeBaseUrl, type UrlCheck } from './url-check';

const LOCAL_HOSTNAMES = new Set(['localhost', '127.0.0.1']);

/** Local hosts are covered by the manifest's host_permissions; others need a runtime grant. */
export function isLocalUrl(baseUrl: string): boolean {
  const url = new URL(baseUrl);
  return url.protocol === 'http:' && LOCAL_HOSTNAMES.has(url.hostname);
}

const LOOPBACK_HOSTNAMES = new Set(['localhost', '127.0.0.1', '[::1]']);

/** On this machine, whatever the scheme: the only Ollama auto-start can start, and one nobody can listen to. */
export function isLoopbackUrl(baseUrl: string): boolean {
  return LOOPBACK_HOSTNAMES.has(new URL(baseUrl).hostname);
}

/** The match pattern a runtime permission request needs for this server. */
export function originPattern(baseUrl: string): string {
  const u = new URL(baseUrl);
  return `${u.protocol}//${u.hostname}/*`;
}

/** Settings' warning for a server reached in clear text over the network; null when there is none. */
export function insecureWarning(baseUrl: string): string | null {
  if (new URL(baseUrl).protocol !== 'http:' || isLoopbackUrl(baseUrl)) return null;
  return t('settings_lib_insecure');
}
