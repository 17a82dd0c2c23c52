// Types for start.mjs.
import type { HostConfig } from './config.mjs';
import type { launch } from './launch.mjs';

export { busyMessage, exitedZeroMessage, exitMessage, NOT_SET, timeoutMessage } from './messages.mjs';
export type StartReply = { ok: true; started: boolean } | { ok: false; error: string };
export function createStarter(
  config: HostConfig,
  deps?: { probe?: (url: string, ms: number) => Promise<boolean>; launch?: typeof launch },
): () => Promise<StartReply>;
