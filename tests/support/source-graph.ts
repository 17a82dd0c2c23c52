/**
 * A tiny import resolver over our own TypeScript sources, for the house rules: which files a file
 * imports (relative specifiers only; packages are not ours to order), and which type names a file
 * exports. Regexes, not a parser: the sources are formatted by biome, so imports are regular.
 */
import { existsSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';

// `import … from '…'`, `import type … from '…'`, `export … from '…'` (any of them over several
// lines), bare `import '…'` and `import('…')`.
const SPECIFIER = /(?:\b(?:import|export)\s[^'";]*?\bfrom\s*|\bimport\s*\(?\s*)['"](\.{1,2}\/[^'"]+)['"]/g;
const EXTENSIONS = ['', '.ts', '.tsx', '/index.ts', '/index.tsx'];

// Stylesheets and other assets import nothing of ours, so they cannot close a cycle.
// Also any file imported as text (`?raw`, e.g. the helper's sh files in lib/autostart/host-files.ts).
const ASSET = /\.(css|svg|png|json|html)(\?.*)?$|\?raw$/;

/** The relative specifiers of code a source imports or re-exports from. */
export function importsOf(text: string): string[] {
  return [...text.matchAll(SPECIFIER)].map((m) => m[1] as string).filter((s) => !ASSET.test(s));
}

/** The file (relative to root) a relative specifier in `from` names, or null when none exists. */
export function resolve(root: string, from: string, specifier: string): string | null {
  const base = normalize(join(dirname(from), specifier));
  for (const ext of EXTENSIONS) {
    const candidate = base.replace(/\.js$/, '') + ext;
    if (existsSync(join(root, candidate)) && /\.(ts|tsx)$/.test(candidate)) return candidate;
  }
  return null;
}

export type Graph = Map<string, string[]>;

/** Every cycle's files, each cycle once, found by depth-first search over `graph`. */
export function cycles(graph: Graph): string[][] {
  const found: string[][] = [];
  const seen = new Set<string>();
  const keys = new Set<string>();
  const walk = (file: string, path: string[]) => {
    const at = path.indexOf(file);
    if (at >= 0) {
      const cycle = path.slice(at);
      // The same cycle reached from another of its files is reported once.
      const key = [...cycle].sort().join(' ');
      if (!keys.has(key)) found.push([...cycle, file]);
      keys.add(key);
      return;
    }
    if (seen.has(file)) return;
    for (const next of graph.get(file) ?? []) walk(next, [...path, file]);
    seen.add(file);
  };
  for (const file of graph.keys()) walk(file, []);
  return found;
}

const TYPE_DECLARATION = /^(export\s+)?(?:declare\s+)?(?:type|interface)\s+([A-Za-z_$][\w$]*)/gm;

/** The type and interface names a source declares at top level, exported or kept to itself. */
export function typeNames(text: string): { exported: string[]; local: string[] } {
  const exported: string[] = [];
  const local: string[] = [];
  for (const m of text.matchAll(TYPE_DECLARATION)) (m[1] ? exported : local).push(m[2] as string);
  return { exported, local };
}
