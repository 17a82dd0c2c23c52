// Types for launch.mjs.
export interface Exit {
  code: number | null;
  signal: string | null;
  error?: string;
}
export interface Launched {
  exited: Promise<Exit>;
  tail(): string;
  stop(): void;
}
export function launch(
  command: string,
  opts: {
    logPath: string;
    oldLogPath: string;
    statusPath: string;
    cwd: string;
    note?: string | null;
    platform?: string;
    env?: Record<string, string | undefined>;
    execPath?: string;
    maxBytes?: number;
  },
): Launched;
