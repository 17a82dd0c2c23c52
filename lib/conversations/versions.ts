/**
 * Versions of a message (regenerate, edit): the stored `messages` stay the visible path, and a
 * message on it may carry the alternatives not shown, each with what followed it. Switching swaps
 * one alternative onto the path; the one it replaces becomes an alternative, so nothing is lost.
 * Pure functions over the stored shape; the panel and the background share them.
 */
import type { HistoryMessage, MessageVersion } from './contract';

/** How many versions the message has (itself included). */
export const versionCount = (m: HistoryMessage): number => (m.versions?.length ?? 0) + 1;

/** The shown message's place among its versions, 0-based. */
export function versionPos(m: HistoryMessage): number {
  const n = m.versions?.length ?? 0;
  const at = m.version;
  return typeof at === 'number' && Number.isInteger(at) && at >= 0 && at <= n ? at : n;
}

/** The message as a version, with what followed it. */
export function asVersion(m: HistoryMessage, rest: readonly HistoryMessage[]): MessageVersion {
  const { role: _role, versions: _versions, version: _version, ...fields } = m;
  return rest.length ? { ...fields, rest: [...rest] } : fields;
}

/** Every version of `path[i]` in order, the shown one included (with the rest of the path). */
export function allVersions(path: readonly HistoryMessage[], i: number): MessageVersion[] {
  const m = path[i];
  if (!m) return [];
  const others = m.versions ?? [];
  const pos = versionPos(m);
  return [...others.slice(0, pos), asVersion(m, path.slice(i + 1)), ...others.slice(pos)];
}

/** The path with `all[to]` shown at `i`; the other versions go with it. */
export function showVersion(path: readonly HistoryMessage[], i: number, all: readonly MessageVersion[], to: number): HistoryMessage[] {
  const m = path[i];
  const chosen = all[to];
  if (!m || !chosen) return [...path];
  const { rest, ...fields } = chosen;
  const others = all.filter((_, k) => k !== to);
  const shown: HistoryMessage = {
    role: m.role,
    ...fields,
    ...(others.length ? { versions: others } : {}),
    ...(to < others.length ? { version: to } : {}),
  };
  return [...path.slice(0, i), shown, ...(rest ?? [])];
}

/** The path showing version `to` (0-based) of `path[i]`; unchanged when there is no such version. */
export function switchVersion(path: readonly HistoryMessage[], i: number, to: number): HistoryMessage[] {
  const m = path[i];
  if (!m || to === versionPos(m) || to < 0 || to >= versionCount(m)) return [...path];
  return showVersion(path, i, allVersions(path, i), to);
}
