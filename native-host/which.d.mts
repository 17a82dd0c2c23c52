// Types for which.mjs.
export function searchable(dir: unknown, platform: string): boolean;
export function programOf(command: string): string | null;
