/**
 * The connection form's draft and its one check, shared by Add and Edit so both refuse the same
 * input with the same messages.
 */
import { type Connection, type ConnectionHeader, connectionNameProblem, headerProblem } from '../../lib/connections';
import { t } from '../../lib/i18n';
import { normalizeBaseUrl } from '../../lib/settings';

export interface ConnectionDraft {
  name: string;
  url: string;
  headers: ConnectionHeader[];
  /** The id of the connection being edited; absent while adding one. */
  editing?: string;
}

/** What a valid draft becomes (the id is the caller's: a new one, or the edited one's). */
export type CheckedDraft = Omit<Connection, 'id'>;

/** The add form: one Authorization row, since a bearer token is what a proxy usually wants. */
export function emptyDraft(): ConnectionDraft {
  return { name: '', url: '', headers: [{ name: 'Authorization', value: '' }] };
}

/**
 * The edit form: the stored values, header values included (shown masked), so a Save that leaves
 * them alone keeps them. A connection without headers gets the add form's blank row.
 */
export function draftOf(c: Connection): ConnectionDraft {
  const headers = c.headers.length > 0 ? c.headers.map((h) => ({ ...h })) : emptyDraft().headers;
  return { name: c.name, url: c.baseUrl, headers, editing: c.id };
}

/** The draft's headers to send, or why they cannot be; rows left blank are ignored. */
function checkHeaders(headers: readonly ConnectionHeader[]): { ok: true; headers: ConnectionHeader[] } | { ok: false; error: string } {
  const kept: ConnectionHeader[] = [];
  for (const h of headers) {
    if (!h.value.trim()) continue;
    const problem = headerProblem(h.name, h.value);
    if (problem) return { ok: false, error: problem };
    if (kept.some((k) => k.name.toLowerCase() === h.name.trim().toLowerCase())) return { ok: false, error: t('connections_state_header_twice', h.name.trim()) };
    kept.push({ name: h.name.trim(), value: h.value.trim() });
  }
  return { ok: true, headers: kept };
}

/**
 * The draft as a connection, or the first reason it cannot be one. `others` are the connections
 * whose names it must not take: all of them when adding, all but itself when editing.
 */
export function checkDraft(d: ConnectionDraft, others: readonly Connection[]): { ok: true; value: CheckedDraft } | { ok: false; error: string } {
  const named = connectionNameProblem(d.name, others);
  if (named) return { ok: false, error: named };
  const url = normalizeBaseUrl(d.url);
  if (!url.ok) return { ok: false, error: url.error };
  const headers = checkHeaders(d.headers);
  if (!headers.ok) return headers;
  return { ok: true, value: { name: d.name.trim(), baseUrl: url.url, headers: headers.headers } };
}
