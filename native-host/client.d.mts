// Types for client.mjs.
export function talk(
  file: string,
  args: string[],
  requests: unknown[],
  opts?: { env?: Record<string, string | undefined>; timeoutMs?: number; shell?: boolean },
): Promise<{ replies: Array<Record<string, unknown>>; code: number | null; stderr: string; error?: string }>;
