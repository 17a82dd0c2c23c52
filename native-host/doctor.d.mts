// Types for doctor.mjs.
import type { Deps } from './context.mjs';

export function launcherTargets(text: string, platform: string): [string, string] | null;
export function doctor(
  opts?: { userDataDir?: string },
  deps?: Deps,
): Promise<{ healthy: boolean; lines: string[]; problems: string[] }>;
