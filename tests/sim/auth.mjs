// @ts-check
// A reverse proxy in front of Ollama that wants credentials (nginx or Caddy with a bearer token):
// a request without the expected Authorization header never reaches Ollama and gets the proxy's
// 401, a small JSON body and a WWW-Authenticate challenge, as such proxies commonly answer.

/** @typedef {import('node:http').IncomingMessage} IncomingMessage */

/**
 * What the proxy answers; null when the request may pass.
 * @param {IncomingMessage} req
 * @param {string | undefined} required the whole expected header value, e.g. 'Bearer s3cret'
 * @returns {{ status: 401, body: string, headers: Record<string, string> } | null}
 */
export function authDecision(req, required) {
  // A CORS preflight carries no credentials by design; proxies set up for browsers let it through.
  if (!required || req.method === 'OPTIONS') return null;
  if (req.headers.authorization === required) return null;
  const scheme = required.split(' ')[0] || 'Bearer';
  // RFC 6750: a token that was sent but is wrong is named in the challenge; a missing one is not.
  const challenge = `${scheme} realm="ollama"${req.headers.authorization ? ', error="invalid_token"' : ''}`;
  return { status: 401, body: JSON.stringify({ error: 'unauthorized' }), headers: { 'WWW-Authenticate': challenge } };
}
