// @ts-check
// Ollama's Origin check (gin-contrib/cors with Ollama's config). It is the reason a browser
// extension's POST /api/chat gets an empty 403 while a curl of the same request works.

/** @typedef {import('node:http').IncomingMessage} IncomingMessage */

/** envconfig.AllowedOrigins(): OLLAMA_ORIGINS entries are put in front of these. */
export const DEFAULT_ORIGINS = [
  ...['localhost', '127.0.0.1', '0.0.0.0'].flatMap((h) => [`http://${h}`, `https://${h}`, `http://${h}:*`, `https://${h}:*`]),
  'app://*',
  'file://*',
  'tauri://*',
  'vscode-webview://*',
  'vscode-file://*',
];

const ALLOW_HEADERS = [
  'Authorization',
  'Content-Type',
  'User-Agent',
  'Accept',
  'X-Requested-With',
  'Openai-Beta',
  'X-Stainless-Arch',
  'X-Stainless-Async',
  'X-Stainless-Custom-Poll-Interval',
  'X-Stainless-Helper-Method',
  'X-Stainless-Lang',
  'X-Stainless-Os',
  'X-Stainless-Package-Version',
  'X-Stainless-Poll-Helper',
  'X-Stainless-Retry-Count',
  'X-Stainless-Runtime',
  'X-Stainless-Runtime-Version',
  'X-Stainless-Timeout',
].join(',');

/**
 * One `*` stands for any run of characters (gin-contrib's wildcard rule); `*` alone allows all.
 * @param {string} origin
 * @param {string} pattern
 */
function matches(origin, pattern) {
  const star = pattern.indexOf('*');
  if (star < 0) return origin === pattern;
  const prefix = pattern.slice(0, star);
  const suffix = pattern.slice(star + 1);
  return origin.length >= prefix.length + suffix.length && origin.startsWith(prefix) && origin.endsWith(suffix);
}

/**
 * @param {string} origin
 * @param {string[]} extra  like OLLAMA_ORIGINS
 */
export function originAllowed(origin, extra) {
  const o = origin.toLowerCase();
  return [...extra, ...DEFAULT_ORIGINS].some((p) => matches(o, p.trim().toLowerCase()));
}

/**
 * @typedef {{ kind: 'plain' } | { kind: 'forbidden' }
 *   | { kind: 'preflight' | 'cors', headers: Record<string, string> }} CorsDecision
 */

/**
 * Runs before routing, as a global gin middleware does: it also answers OPTIONS for any path.
 * @param {IncomingMessage} req
 * @param {string[]} extra
 * @returns {CorsDecision}
 */
export function corsDecision(req, extra) {
  const origin = req.headers.origin;
  if (!origin) return { kind: 'plain' };
  const host = req.headers.host ?? '';
  // fetch() from a page served by Ollama itself sends its own origin: not a CORS request.
  if (origin === `http://${host}` || origin === `https://${host}`) return { kind: 'plain' };
  if (!originAllowed(origin, extra)) return { kind: 'forbidden' };
  if (req.method === 'OPTIONS') {
    return {
      kind: 'preflight',
      headers: {
        'Access-Control-Allow-Origin': origin,
        'Access-Control-Allow-Methods': 'GET,POST,PUT,PATCH,DELETE,HEAD,OPTIONS',
        'Access-Control-Allow-Headers': ALLOW_HEADERS,
        'Access-Control-Max-Age': '43200',
        Vary: 'Origin, Access-Control-Request-Method, Access-Control-Request-Headers',
      },
    };
  }
  return { kind: 'cors', headers: { 'Access-Control-Allow-Origin': origin, Vary: 'Origin' } };
}
