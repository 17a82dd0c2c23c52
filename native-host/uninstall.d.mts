// Types for uninstall.mjs.
import type { Deps } from './context.mjs';

export function uninstall(
  opts?: { userDataDir?: string },
  deps?: Deps,
): { removed: string[]; kept: Array<{ path: string; reason: string }> };
