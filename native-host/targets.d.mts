// Types for targets.mjs.
export type Browser = 'chrome' | 'chromium' | 'edge' | 'brave' | 'vivaldi' | 'firefox';
export const CHROMIUM_FAMILY: Browser[];
export const BROWSERS: Browser[];
export const MANIFEST_FILE: string;
type Where = { platform?: string; env?: Record<string, string | undefined> };
export function profileRoot(browser: Browser, ctx: Where): string | null;
export function manifestDir(browser: Browser, ctx: Where, dataDir: string): string;
export function userDataDirManifest(userDataDir: string, platform?: string): string;
export function registryKey(browser: Browser): string;
export interface HostManifest {
  name: string;
  description: string;
  path: string;
  type: 'stdio';
  allowed_origins?: string[];
  allowed_extensions?: string[];
}
export function manifestFor(browser: Browser, launcherPath: string): HostManifest;
export function manifestProblems(browser: Browser, manifest: unknown, launcherPath: string, platform?: string): string[];
export function parseBrowsers(values: string[]): Browser[];
