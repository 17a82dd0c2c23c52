// @vitest-environment node
/** House rules as checks (architecture.md, habit 9): cheap tests that keep the code in order. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cycles, typeNames, type Graph, importsOf, resolve } from './support/source-graph';

const ROOT = join(import.meta.dirname, '..');
const SOURCE_DIRS = ['entrypoints', 'components', 'lib', 'native-host'];

function sourceFiles(dir: string): string[] {
  let entries: string[];
  try {
    entries = readdirSync(join(ROOT, dir));
  } catch {
    return [];
  }
  return entries.flatMap((name) => {
    const path = join(dir, name);
    if (statSync(join(ROOT, path)).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx|mjs|js)$/.test(name) ? [path] : [];
  });
}

const files = SOURCE_DIRS.flatMap(sourceFiles);
const read = (f: string) => readFileSync(join(ROOT, f), 'utf8');

describe('house rules', () => {
  it('finds the source files it checks', () => {
    expect(files.length).toBeGreaterThan(20);
  });

  it('no source file grows past 250 lines', () => {
    const long = files.filter((f) => read(f).split('\n').length > 250);
    expect(long).toEqual([]);
  });

  it('only lib/storage/ touches browser storage', () => {
    const offenders = files.filter(
      // The bench's baseline page is not shipped and must stay free of shared code (bench/README.md).
      (f) =>
        !f.startsWith('lib/storage/') &&
        !f.startsWith('entrypoints/bench-baseline/') &&
        /\bstorage\.(local|session|sync)\b|defineItem\(|wxt\/utils\/storage/.test(read(f)),
    );
    expect(offenders).toEqual([]);
  });

  it('no `any` in lib/, components/ or entrypoints/', () => {
    const offenders = files.filter((f) => !f.startsWith('native-host') && /:\s*any\b|as any\b|<any>/.test(read(f)));
    expect(offenders).toEqual([]);
  });

  it('the panel never talks to Ollama itself: only lib/ollama imports the client', () => {
    const offenders = files.filter((f) => !f.startsWith('lib/ollama/') && /from 'ollama/.test(read(f)));
    expect(offenders).toEqual([]);
  });

  // The app's own code: what the extension ships (native-host/ is a separate Node program).
  const appFiles = files.filter((f) => /^(lib|components|entrypoints)\//.test(f) && /\.tsx?$/.test(f));

  it('the import reader sees every form of import, and finds a cycle', () => {
    const text =
      "import type { A } from './a';\nimport {\n  b,\n} from '../b';\nexport * from './c';\nimport './d.css';\nconst e = () => import('./e');\nimport x from 'pkg';";
    expect(importsOf(text)).toEqual(['./a', '../b', './c', './e']);
    expect(typeNames('export type A = 1;\nexport interface B {}\ntype C = 2;')).toEqual({ exported: ['A', 'B'], local: ['C'] });
    const graph: Graph = new Map([
      ['a', ['b']],
      ['b', ['c']],
      ['c', ['a']],
      ['d', ['a']],
    ]);
    expect(cycles(graph)).toEqual([['a', 'b', 'c', 'a']]);
    expect(
      cycles(
        new Map([
          ['a', ['b']],
          ['b', []],
        ]),
      ),
    ).toEqual([]);
  });

  it('no import cycle in lib/, components/ or entrypoints/ (type-only and lazy imports included)', () => {
    const unresolved: string[] = [];
    const graph: Graph = new Map(
      appFiles.map((f) => [
        f,
        importsOf(read(f)).flatMap((spec) => {
          const target = resolve(ROOT, f, spec);
          if (!target) unresolved.push(`${f} -> ${spec}`);
          return target ? [target] : [];
        }),
      ]),
    );
    // A specifier the resolver cannot follow would hide its edges: it must understand them all.
    expect(unresolved).toEqual([]);
    expect(cycles(graph).map((c) => c.join(' -> '))).toEqual([]);
  });

  it('each exported type or interface name means one thing: declared once, never reused by a local type', () => {
    const exported = new Map<string, string[]>();
    const names = appFiles.map((f) => ({ f, ...typeNames(read(f)) }));
    for (const { f, exported: list } of names) for (const name of list) exported.set(name, [...(exported.get(name) ?? []), f]);
    const twice = [...exported].filter(([, at]) => at.length > 1).map(([name, at]) => `${name}: ${at.join(', ')}`);
    // Local names that only repeat each other (a component's Props) are private to their file.
    const shadows = names.flatMap(({ f, local }) => local.filter((n) => exported.has(n)).map((n) => `${n}: ${f} shadows ${exported.get(n)?.join(', ')}`));
    expect([...twice, ...shadows]).toEqual([]);
  });
});
