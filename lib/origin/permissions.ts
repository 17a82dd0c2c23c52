/**
 * Host permissions for a non-local Ollama: the manifest grants only the local hosts, so another
 * server's host is asked for when Settings saves it (or adds a connection to it), and given back
 * once no connection uses it (a grant left behind would let the extension keep reaching a host the user moved away from).
 */
import { isLocalUrl, originPattern } from '../settings';

/** The part of browser.permissions used here; tests pass a fake. */
export interface PermissionsApi {
  request(permissions: { origins: string[] }): Promise<boolean>;
  remove(permissions: { origins: string[] }): Promise<boolean>;
}

/** The match pattern `baseUrl` needs granted at runtime; null when the manifest's host_permissions cover it. */
export function runtimeOrigin(baseUrl: string): string | null {
  return isLocalUrl(baseUrl) ? null : originPattern(baseUrl);
}

/**
 * The grant to give back when the server changes from `before` to `after`: the old host's, unless
 * the new URL still needs the same pattern (same host and scheme, another port or path). Never a
 * manifest permission: browsers refuse to remove those, and the default server needs them.
 */
export function originToRelease(before: string, after: string): string | null {
  return originsToRelease([before], [after])[0] ?? null;
}

/**
 * The grants to give back when the servers of all connections change from `before` to `after`
 * (one removed, one's URL edited): each runtime pattern no remaining server needs, once.
 */
export function originsToRelease(before: readonly string[], after: readonly string[]): string[] {
  const kept = new Set(after.map(runtimeOrigin));
  const old = new Set(before.map(runtimeOrigin));
  return [...old].filter((o): o is string => o !== null && !kept.has(o));
}
