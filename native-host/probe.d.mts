// Types for probe.mjs.
export function isOllamaUp(baseUrl: string, timeoutMs?: number): Promise<boolean>;
