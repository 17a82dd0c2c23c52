/**
 * Connections (issue 14): the Ollama servers a user talks to, each with its own headers (a bearer
 * token for an Ollama behind a reverse proxy). They live in settings (local extension storage only, never synced); the
 * header values are credentials, so nothing here logs them and the export never carries them.
 */
import { t, tn } from './i18n';
import { normalizeBaseUrl } from './url-check';

export interface ConnectionHeader {
  name: string;
  value: string;
}

export interface Connection {
  /** Stable: conversations keep it to reopen on their server. */
  id: string;
  /** Shown in the header's "Connection" picker and in messages; unique, case-insensitively. */
  name: string;
  /** Normalised as normalizeBaseUrl leaves it. */
  baseUrl: string;
  headers: ConnectionHeader[];
}

/** What a user who had one `baseUrl` before connections existed finds: their server, named. */
export const LOCAL_CONNECTION = { id: 'local', name: 'Local' } as const;

/** One Origin rule per server (lib/origin/rule.ts) keeps its ids in a fixed, small range. */
export const MAX_CONNECTIONS = 16;

const NAME_MAX = 60;

// RFC 9110 token characters: anything else cannot be a header name, and fetch throws on it.
const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

// The Fetch standard's forbidden request headers (browsers drop or refuse them), plus the three
// the `ollama` client sets itself and would silently override.
const FORBIDDEN = new Set([
  'accept-charset',
  'accept-encoding',
  'access-control-request-headers',
  'access-control-request-method',
  'connection',
  'content-length',
  'cookie',
  'cookie2',
  'date',
  'dnt',
  'expect',
  'host',
  'keep-alive',
  'origin',
  'referer',
  'set-cookie',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
  'via',
  'content-type',
  'accept',
  'user-agent',
]);

/** Why this header cannot be sent (for Settings), or null when it can. */
export function headerProblem(name: string, value: string): string | null {
  const n = name.trim();
  if (!TOKEN.test(n)) return t('connection_check_header_name', n);
  const lower = n.toLowerCase();
  if (FORBIDDEN.has(lower) || lower.startsWith('proxy-') || lower.startsWith('sec-')) return t('connection_check_header_forbidden', n);
  if (/[\r\n\0]/.test(value)) return t('connection_check_header_one_line', n);
  // fetch refuses a header value with characters beyond Latin-1 (a pasted "…" or a smart quote).
  if (/[^\t\x20-\x7e\x80-\xff]/.test(value)) return t('connection_check_header_character', n);
  if (!value.trim()) return t('connection_check_header_empty', n);
  return null;
}

/** Why this name cannot be used for a new connection, or null. */
export function connectionNameProblem(name: string, taken: readonly Connection[]): string | null {
  const n = name.trim();
  if (!n) return t('connection_check_name_empty');
  if (n.length > NAME_MAX) return tn('connection_check_name_long', NAME_MAX);
  if (taken.some((c) => c.name.toLowerCase() === n.toLowerCase())) return t('connection_check_name_taken', n);
  return null;
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function readHeaders(raw: unknown): ConnectionHeader[] {
  if (!Array.isArray(raw)) return [];
  const seen = new Set<string>();
  const kept: ConnectionHeader[] = [];
  for (const h of raw) {
    if (!isObj(h) || typeof h.name !== 'string' || typeof h.value !== 'string') continue;
    const name = h.name.trim();
    if (headerProblem(name, h.value) || seen.has(name.toLowerCase())) continue;
    seen.add(name.toLowerCase());
    kept.push({ name, value: h.value.trim() });
  }
  return kept;
}

function readConnection(raw: unknown): Connection | null {
  if (!isObj(raw) || typeof raw.id !== 'string' || typeof raw.name !== 'string' || typeof raw.baseUrl !== 'string') return null;
  const id = raw.id.trim();
  const name = raw.name.trim();
  const url = normalizeBaseUrl(raw.baseUrl);
  if (!id || !name || name.length > NAME_MAX || !url.ok) return null;
  return { id, name, baseUrl: url.url, headers: readHeaders(raw.headers) };
}

/**
 * The stored list, checked one connection at a time: a damaged one is dropped, a later one with an
 * id or name already used is dropped (ids must reopen one server; names tell them apart), and so
 * are bad headers. An empty result means "nothing usable stored".
 */
export function sanitizeConnections(raw: unknown): Connection[] {
  if (!Array.isArray(raw)) return [];
  const ids = new Set<string>();
  const names = new Set<string>();
  const kept: Connection[] = [];
  for (const item of raw) {
    const c = readConnection(item);
    if (!c || ids.has(c.id) || names.has(c.name.toLowerCase())) continue;
    ids.add(c.id);
    names.add(c.name.toLowerCase());
    kept.push(c);
    if (kept.length === MAX_CONNECTIONS) break;
  }
  return kept;
}

/** The connection `id` names, or the default one when it names none (removed, or never set). */
export function resolveConnection(s: { connections: readonly Connection[]; defaultConnection: string }, id?: string | null): Connection {
  const all = s.connections;
  return all.find((c) => c.id === id) ?? all.find((c) => c.id === s.defaultConnection) ?? (all[0] as Connection);
}

/** The headers as fetch takes them. */
export function headersOf(c: Connection): Record<string, string> {
  return Object.fromEntries(c.headers.map((h) => [h.name, h.value]));
}

/** A fresh id, unlike every id in `taken`. */
export function newConnectionId(taken: readonly Connection[], random: () => number = Math.random): string {
  for (;;) {
    const id = `c${Math.floor(random() * 36 ** 6).toString(36)}`;
    if (!taken.some((c) => c.id === id)) return id;
  }
}
