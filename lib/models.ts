/** Which model to select: remembered choice > configured default > first listed (docs/spec/seed-system.md). */

// "llama3" in settings should match "llama3:latest" from /api/tags, as the Ollama CLI does.
function sameModel(a: string, b: string): boolean {
  const norm = (s: string) => (s.includes(':') ? s : `${s}:latest`);
  return norm(a) === norm(b);
}

export function pickModel(installed: readonly string[], remembered: string | null, configuredDefault: string): string | null {
  const find = (wanted: string | null) => (wanted ? installed.find((n) => sameModel(n, wanted)) : undefined);
  return find(remembered) ?? find(configuredDefault) ?? installed[0] ?? null;
}
