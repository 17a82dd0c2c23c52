/**
 * The shipped build carries no test seams: `npm run build:all` (.output/<browser>) must not contain
 * the e2e hook or the probe page, which only `npm run build:test` (.output/test/<browser>) has.
 * The e2e build is checked too, so that a renamed hook cannot make this test pass vacuously.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const HOOK = 'ollamaChatTest';
const BROWSERS = ['chrome-mv3', 'firefox-mv2'];

function read(dir: string, file: string): string {
  const path = join(resolve(dir), file);
  if (!existsSync(path)) throw new Error(`${path} is missing: run \`npm run build:all && npm run build:test\` first.`);
  return readFileSync(path, 'utf8');
}

describe.each(BROWSERS)('%s builds', (target) => {
  it('the production build has no test hook and no probe page', () => {
    expect(read(`.output/${target}`, 'background.js')).not.toContain(HOOK);
    expect(existsSync(resolve(`.output/${target}/e2e-probe.html`))).toBe(false);
  });

  it('the e2e build has both', () => {
    expect(read(`.output/test/${target}`, 'background.js')).toContain(HOOK);
    expect(existsSync(resolve(`.output/test/${target}/e2e-probe.html`))).toBe(true);
  });

  it('both ask for activeTab, the page title and address of a menu click', () => {
    for (const dir of [`.output/${target}`, `.output/test/${target}`]) {
      expect(JSON.parse(read(dir, 'manifest.json')).permissions).toContain('activeTab');
    }
  });
});
