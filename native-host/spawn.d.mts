// Types for spawn.mjs.
import type { SpawnOptions } from 'node:child_process';

export function shellFor(
  command: string,
  platform?: string,
  env?: Record<string, string | undefined>,
): { file: string; args: string[]; verbatim: boolean };
export const SPEC_VAR: string;
export const LINE_VAR: string;
export interface SpawnPlan {
  file: string;
  args: string[];
  options: SpawnOptions & { env: Record<string, string | undefined> };
  trampoline: boolean;
}
export function spawnOptionsFor(
  platform: string,
  opts: { execPath: string; runnerPath: string; env: Record<string, string | undefined>; cwd: string; spec: Record<string, unknown> },
): SpawnPlan;
export function commandSpawnFor(platform: string, command: string, env: Record<string, string | undefined>, cwd: string): Omit<SpawnPlan, 'trampoline'>;
export function encodePowerShell(script: string): string;
