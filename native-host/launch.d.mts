// Types for launch.mjs.
export const TAIL_BYTES: number;
export function shellFor(
  command: string,
  platform?: string,
  env?: Record<string, string | undefined>,
): { file: string; args: string[]; verbatim: boolean };
export function readTail(path: string, from: number, max?: number): string;
export interface Exit {
  code: number | null;
  signal: string | null;
  error?: string;
}
export interface Launched {
  pid: number | undefined;
  exited: Promise<Exit>;
  tail(): string;
}
export function launch(
  command: string,
  opts: { logPath: string; cwd: string; platform?: string; env?: Record<string, string | undefined> },
): Launched;
