// Types for private.mjs.
import type { Stats } from 'node:fs';

export const DIR_MODE: number;
export const FILE_MODE: number;
export function currentUid(): number | null;
export class UnsafePathError extends Error {
  code: 'EUNSAFE';
}
export function unsafeReason(stat: Pick<Stats, 'isSymbolicLink' | 'isDirectory' | 'isFile' | 'uid'>, kind: 'directory' | 'file', uid?: number | null): string | null;
export function checkPrivate(path: string, kind: 'directory' | 'file', uid?: number | null): boolean;
export function ensurePrivateDir(dir: string, uid?: number | null): string[];
export function openPrivateAppend(path: string, uid?: number | null): number;
export function readPrivate(path: string, uid?: number | null): string;
export function writePrivate(path: string, text: string, mode?: number, uid?: number | null): void;
