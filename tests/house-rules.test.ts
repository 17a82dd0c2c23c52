// @vitest-environment node
/** House rules as checks (architecture.md, habit 9): cheap tests that keep the code in order. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

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
      (f) => !f.startsWith('lib/storage/') && !f.startsWith('entrypoints/bench-baseline/') && /\bstorage\.(local|session|sync)\b|defineItem\(|wxt\/utils\/storage/.test(read(f)),
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
});
