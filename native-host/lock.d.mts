// Types for lock.mjs.
export function isStale(path: string, staleMs: number, now?: number): boolean;
export function tryLock(path: string, staleMs: number): (() => void) | null;
