// Types for start.mjs.
import type { HostConfig } from './config.mjs';
import type { Exit, launch } from './launch.mjs';

export const NOT_SET: string;
export function timeoutMessage(ms: number): string;
export function exitMessage(exit: Exit, tail: string): string;
export type StartReply = { ok: true; started: boolean } | { ok: false; error: string };
export function createStarter(
  config: HostConfig,
  deps?: { probe?: (url: string, ms: number) => Promise<boolean>; launch?: typeof launch },
): () => Promise<StartReply>;
