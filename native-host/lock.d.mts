// Types for lock.mjs.
export function staleReason(path: string, staleMs: number, now?: number): string | null;
export function isStale(path: string, staleMs: number, now?: number): boolean;
export interface Holder {
  pid: number | null;
  host: string | null;
  ageMs: number | null;
}
export type LockResult = { release: () => void; tookOver: (Holder & { reason: string }) | null; holder?: undefined } | { holder: Holder; release?: undefined; tookOver?: undefined };
export function tryLock(path: string, staleMs: number): LockResult;
