// Types for verbs.mjs.
import type { HostConfig } from './config.mjs';
import type { StartReply } from './start.mjs';

export const MAX_ID_JSON: number;
/** Replies: ping {ok, version, host}; status {ok, running, url, command}; start StartReply; errors {ok:false, error}. */
export type Reply = { id?: unknown; ok: boolean; [field: string]: unknown };
export function createHandler(
  config: HostConfig,
  deps?: { probe?: (url: string, ms: number) => Promise<boolean>; start?: () => Promise<StartReply> },
): (request: unknown) => Promise<Reply>;
