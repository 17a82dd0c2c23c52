// @vitest-environment node
// The host keeps its own copies of the extension ids (it must not import extension code): they must
// stay equal to lib/extension-id.ts, or the browser refuses the host ("forbidden").
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHROME_EXTENSION_ID, CHROME_ORIGIN, GECKO_ID, HOST_NAME, VERSION } from '../../native-host/ids.mjs';
import { ROOT } from './helpers';

const constant = (source: string, name: string) => new RegExp(`export const ${name}\\s*=\\s*'([^']*)'`).exec(source)?.[1];

describe('native-host ids', () => {
  const source = readFileSync(join(ROOT, 'lib', 'extension-id.ts'), 'utf8');

  it('match lib/extension-id.ts', () => {
    expect(constant(source, 'CHROME_EXTENSION_ID')).toBe(CHROME_EXTENSION_ID);
    expect(constant(source, 'GECKO_ID')).toBe(GECKO_ID);
    expect(CHROME_ORIGIN).toBe(`chrome-extension://${CHROME_EXTENSION_ID}/`);
  });

  it('has a host name the browsers accept and the package version', () => {
    expect(HOST_NAME).toMatch(/^[a-z0-9_]+(\.[a-z0-9_]+)*$/);
    expect(VERSION).toBe(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version);
    // The sh host (and the PowerShell one) report the same version.
    expect(readFileSync(join(ROOT, 'native-host', 'sh', 'host.sh'), 'utf8')).toContain(`\nVERSION='${VERSION}'\n`);
    expect(readFileSync(join(ROOT, 'native-host', 'ps', 'host.ps1'), 'utf8')).toContain(`\n$Version = '${VERSION}'\n`);
  });

  it('no host file imports extension code or npm packages', () => {
    const dir = join(ROOT, 'native-host');
    for (const f of readdirSync(dir).filter((n) => n.endsWith('.mjs'))) {
      const text = readFileSync(join(dir, f), 'utf8');
      const specs = [...text.matchAll(/^import [^'"]*['"]([^'"]+)['"]/gm)].map((m) => m[1] ?? '');
      for (const s of specs) expect(s, `${f} imports ${s}`).toMatch(/^(node:|\.\/[a-z-]+\.mjs$)/);
      expect(text.split('\n').length, `${f} is too long`).toBeLessThan(150);
    }
  });
});
