// Types for launcher.mjs.
type Env = Record<string, string | undefined>;
export function systemPath(platform: string, env?: Env): string[];
export function launcherPath(platform: string, env: Env, tools?: Array<string | null>): string[];
export function launcherScript(ctx: { platform: string; execPath: string; hostScript: string; dataDir: string }, entries: string[]): string;
