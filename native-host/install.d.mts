// Types for install.mjs.
import type { Deps } from './context.mjs';
import type { Browser, HostManifest } from './targets.mjs';

export const USAGE: string;
export interface InstallOptions {
  startCommand?: string;
  browsers?: Browser[];
  url?: string;
  userDataDir?: string;
  /** absolute path of the ollama whose directory goes on the launcher's PATH */
  ollama?: string;
}
export interface InstallPlan {
  config: { path: string; value: { startCommand: string; url: string; [k: string]: unknown } };
  launcher: { path: string; text: string; PATH: string[]; ollama: string | null };
  manifests: Array<{ browser: Browser; path: string; manifest: HostManifest }>;
  registry: Array<{ browser: Browser; key: string; value: string }>;
}
export function install(opts: InstallOptions, deps?: Deps): InstallPlan;
