/** The one check of a server URL typed by the user or read from storage. */
import { t } from './i18n';

export type UrlCheck = { ok: true; url: string } | { ok: false; error: string };

// A `*` would widen the host permission we ask for (http://*/* is every site) and the Origin
// rule's filter; the URL parser turns %2A and look-alikes (＊, ﹡) in a host into a plain `*`.
const WILDCARD = /\*|%2a/i;

/** Accepts http(s) URLs with one host and no query/fragment; returns the normalised origin+path. */
export function normalizeBaseUrl(input: string): UrlCheck {
  const text = input.trim();
  if (!text) return { ok: false, error: t('url_check_empty') };
  const wildcard = { ok: false, error: t('url_check_wildcard') } as const;
  if (WILDCARD.test(text)) return wildcard;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { ok: false, error: t('url_check_invalid', text) };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return { ok: false, error: t('url_check_scheme') };
  }
  if (WILDCARD.test(url.hostname) || WILDCARD.test(url.pathname)) return wildcard;
  if (url.username || url.password) {
    return { ok: false, error: t('url_check_credentials') };
  }
  if (url.search || url.hash) {
    return { ok: false, error: t('url_check_query') };
  }
  const path = url.pathname.replace(/\/+$/, '');
  return { ok: true, url: `${url.origin}${path}` };
}
