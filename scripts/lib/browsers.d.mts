export function findChromium(): string | undefined;
export function findFirefox(): string | undefined;
export const inCI: boolean;
export function chromiumArgs(extensionDir: string): string[];
