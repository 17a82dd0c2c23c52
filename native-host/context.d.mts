// Types for context.mjs.
import type { HostFiles } from './config.mjs';

export interface InstallerFs {
  exists(path: string): boolean;
  /** a file that can be run; `exists` stands in when absent */
  isExecutable?(path: string): boolean;
  read(path: string): string;
  write(path: string, text: string, mode?: number): void;
  /** mkdir -p; the directories it created, outermost first */
  mkdirp(dir: string): string[];
  /** mkdir -p whose last directory is the user's alone (0700, not a symlink); the directories it created */
  privateDir(dir: string): string[];
  remove(path: string): boolean;
  rmdirIfEmpty(dir: string): boolean;
}
export type Runner = (file: string, args: string[]) => { status: number; stdout: string; stderr: string };
export interface Deps {
  platform?: string;
  env?: Record<string, string | undefined>;
  execPath?: string;
  hostScript?: string;
  fs?: InstallerFs;
  run?: Runner;
  out?: (line: string) => void;
  probe?: (url: string, ms: number) => Promise<boolean>;
}
export const realFs: InstallerFs;
export const realRun: Runner;
export function makeContext(deps?: Deps): {
  platform: string;
  env: Record<string, string | undefined>;
  home: string;
  p: typeof import('node:path').posix;
  execPath: string;
  hostScript: string;
  dataDir: string;
  files: HostFiles;
  fs: InstallerFs;
  run: Runner;
};
export function readRecord(ctx: { fs: InstallerFs; files: HostFiles }): {
  manifests: string[];
  registryKeys: string[];
  createdDirs: string[];
};
