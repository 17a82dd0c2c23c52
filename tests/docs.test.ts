// @vitest-environment node
// Documents name files; a renamed file must not leave a reader following a dead path.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..');
const SKIP = new Set(['node_modules', '.output', '.wxt', '.git', 'fixtures']);

/** Source and script files under the code folders (not docs, which state the paths in full). */
function sourceFiles(dir = ''): string[] {
  return readdirSync(join(ROOT, dir)).flatMap((name) => {
    const path = dir ? `${dir}/${name}` : name;
    if (SKIP.has(name) || (!dir && !['lib', 'components', 'entrypoints', 'native-host', 'scripts', 'tests', 'bench'].includes(name))) return [];
    if (statSync(join(ROOT, path)).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx|mjs|js|css)$/.test(name) ? [path] : [];
  });
}

const TOP = ['lib', 'components', 'entrypoints', 'native-host', 'tests', 'docs', 'scripts', 'bench', 'public', '.ci'];
const PATH = new RegExp(`(?<![\\w./-])(?:${TOP.map((t) => t.replace('.', '\\.')).join('|')})/[\\w./*<>-]*[\\w/]`, 'g');

/** Repo paths a text names (globs and placeholders like `<id>` are not paths). */
function namedPaths(text: string): string[] {
  return [...new Set(text.match(PATH) ?? [])].filter((p) => !/[*<>]/.test(p));
}

describe('documentation paths', () => {
  it('finds the paths a text names', () => {
    expect(namedPaths('see `lib/protocol.ts`, (components/state/) and lib/x/*.ts; not mylib/a.ts or ollama/browser')).toEqual([
      'lib/protocol.ts',
      'components/state/',
    ]);
  });

  // Files a script writes (bench results) are named but not in a fresh clone: .gitignore lists them.
  const ignored = readFileSync(join(ROOT, '.gitignore'), 'utf8')
    .split('\n')
    .map((l) => l.trim().replace(/^\//, '').replace(/\/$/, ''))
    .filter((l) => l && !l.startsWith('#') && !l.includes('*'));
  const generated = (p: string) => ignored.some((i) => p === i || p.startsWith(`${i}/`));

  for (const doc of ['docs/architecture.md', 'README.md']) {
    it(`every path ${doc} names exists`, () => {
      const missing = namedPaths(readFileSync(join(ROOT, doc), 'utf8')).filter((p) => !generated(p) && !existsSync(join(ROOT, p)));
      expect(missing).toEqual([]);
    });
  }

  it('every spec a comment cites is in the repo (docs/spec/), none outside it', () => {
    const bad: string[] = [];
    for (const file of sourceFiles()) {
      const text = readFileSync(join(ROOT, file), 'utf8');
      if (text.includes(['shared', 'spec/'].join('/'))) bad.push(`${file}: cites a spec outside the repo`);
      for (const [, name] of text.matchAll(/(?<![\w/-])([\w-]+\.md)\b/g)) {
        if (name && /^(seed-system|ollama-wire|toolchain)\.md$/.test(name)) bad.push(`${file}: cites ${name} without its path docs/spec/`);
      }
    }
    expect(bad).toEqual([]);
  });
});
