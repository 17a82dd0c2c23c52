/** The one check of a server URL typed by the user or read from storage. */
export type UrlCheck = { ok: true; url: string } | { ok: false; error: string };

// A `*` would widen the host permission we ask for (http://*/* is every site) and the Origin
// rule's filter; the URL parser turns %2A and look-alikes (＊, ﹡) in a host into a plain `*`.
const WILDCARD = /\*|%2a/i;

/** Accepts http(s) URLs with one host and no query/fragment; returns the normalised origin+path. */
export function normalizeBaseUrl(input: string): UrlCheck {
  const text = input.trim();
  if (!text) return { ok: false, error: 'Enter the address of your Ollama server.' };
  const wildcard = { ok: false, error: 'The URL must name one server: wildcards (*) are not allowed (example: http://192.168.1.20:11434).' } as const;
  if (WILDCARD.test(text)) return wildcard;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { ok: false, error: `"${text}" is not a valid URL (example: http://localhost:11434).` };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return { ok: false, error: 'The URL must start with http:// or https://.' };
  }
  if (WILDCARD.test(url.hostname) || WILDCARD.test(url.pathname)) return wildcard;
  if (url.username || url.password) {
    return { ok: false, error: 'Put no user name or password in the URL.' };
  }
  if (url.search || url.hash) {
    return { ok: false, error: 'The URL must not have a query (?) or fragment (#).' };
  }
  const path = url.pathname.replace(/\/+$/, '');
  return { ok: true, url: `${url.origin}${path}` };
}
