// Types for messages.mjs.
import type { Exit } from './launch.mjs';
import type { Holder } from './lock.mjs';

export const NOT_SET: string;
export function timeoutMessage(ms: number): string;
export function exitMessage(exit: Exit, tail: string): string;
export function exitedZeroMessage(url: string, ms: number): string;
export function busyMessage(holder: Partial<Holder> | null, url: string, here?: string): string;
