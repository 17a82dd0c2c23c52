// Types for config.mjs.
import type path from 'node:path';

export const DEFAULT_URL: string;
export const START_TIMEOUT_MS: number;
export const POLL_INTERVAL_MS: number;
export const PROBE_TIMEOUT_MS: number;
export type Env = Record<string, string | undefined>;
export function pathFor(platform: string): typeof path.posix;
export function homeOf(env?: Env, platform?: string): string;
export function dataDirFor(env?: Env, platform?: string): string;
export interface HostFiles {
  configPath: string;
  launcherPath: string;
  recordPath: string;
  logPath: string;
  /** the start log's previous part, once it outgrew its cap */
  oldLogPath: string;
  lockPath: string;
  resultPath: string;
  /** how the last launched command ended, written by runner.mjs */
  statusPath: string;
}
export function filesIn(dataDir: string, platform?: string): HostFiles;
export function normalizeUrl(value: string): string;
export function parseOllamaHost(value: string): string;
export interface HostConfig extends HostFiles {
  dataDir: string;
  command: string | null;
  commandSource: string | null;
  url: string;
  urlSource: string;
  /** test-only knob (config.startTimeoutMs) */
  startTimeoutMs: number;
  /** test-only knob (config.pollIntervalMs) */
  pollIntervalMs: number;
  probeTimeoutMs: number;
  warnings: string[];
  /** set when the data dir or config.json is a symlink or someone else's: start refuses with it */
  refusal: string | null;
}
export function loadConfig(env?: Env, platform?: string): HostConfig;
