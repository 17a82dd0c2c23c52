// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { base64Utf8, checkTarget, psInstaller, runCommand, shInstaller } from '../../../lib/autostart/installer';
import { osOfPlatform } from '../../../lib/autostart/target';

const files = { hostSh: 'HOST\n', startSh: 'START\n', jsonAwk: 'AWK', setupSh: '"$action"\n' };
const chrome = { browser: 'chrome', extensionId: 'mbcjnhboajekpfnlfaeommegidfehgna', version: '0.1.0' } as const;

describe('the sh installer text', () => {
  it('names the browser and the running id, and carries each file verbatim before the setup code', () => {
    const text = shInstaller(chrome, files);
    expect(text.startsWith('#!/bin/sh\n')).toBe(true);
    expect(text).toContain("EXTENSION_BROWSER='chrome'\nEXTENSION_ID='mbcjnhboajekpfnlfaeommegidfehgna'\nHELPER_VERSION='0.1.0'\n");
    expect(text).toContain("payload_host_sh() {\n  cat <<'OLLAMA_CHAT_END_OF_FILE'\nHOST\nOLLAMA_CHAT_END_OF_FILE\n}");
    expect(text).toContain("cat <<'OLLAMA_CHAT_END_OF_FILE'\nAWK\nOLLAMA_CHAT_END_OF_FILE");
    expect(text.endsWith('"$action"\n')).toBe(true);
    expect(shInstaller({ ...chrome, browser: 'firefox', extensionId: 'ollama-chat@ollama-chat.dev' }, files)).toContain(
      "EXTENSION_ID='ollama-chat@ollama-chat.dev'",
    );
  });

  it('takes only ids the browsers issue, so nothing else is ever spliced into the script', () => {
    expect(() => checkTarget({ ...chrome, browser: 'firefox', extensionId: '{6b1d3c7e-4f0a-4c1e-9a51-0c11a7a0e2d4}' })).not.toThrow();
    for (const extensionId of ["x'; rm -rf ~; '", 'MBCJNHBOAJEKPFNLFAEOMMEGIDFEHGNA', 'abc', ''])
      expect(() => shInstaller({ ...chrome, extensionId }, files)).toThrow(/Not an extension id/);
    expect(() => shInstaller({ ...chrome, browser: 'firefox', extensionId: "a@b'c" }, files)).toThrow(/Not an extension id/);
    expect(() => shInstaller({ ...chrome, version: "1'" }, files)).toThrow(/Not a version/);
  });

  it('refuses a file that would end its here-document early', () => {
    expect(() => shInstaller(chrome, { ...files, startSh: 'a\nOLLAMA_CHAT_END_OF_FILE\nb' })).toThrow(/start_sh contains the line/);
  });

  it('gives one command per OS, and no installer for systems without a helper', () => {
    expect(runCommand('posix', 'ollama-chat-setup.sh')).toBe('sh ~/Downloads/ollama-chat-setup.sh');
    expect(runCommand('windows', 'ollama-chat-setup.ps1')).toBe(
      'powershell -ExecutionPolicy Bypass -File "$env:USERPROFILE\\Downloads\\ollama-chat-setup.ps1"',
    );
    expect([osOfPlatform('linux'), osOfPlatform('mac'), osOfPlatform('win'), osOfPlatform('cros'), osOfPlatform('android')]).toEqual([
      'posix',
      'posix',
      'windows',
      null,
      null,
    ]);
  });
});

describe('the PowerShell installer text (Windows; the script itself is untested here)', () => {
  const ps = { hostPs1: "HOST 'é' @'\n'@\n", startPs1: 'START', runnerPs1: 'RUN', setupPs1: 'switch ($Action) {}\n' };

  it('names the browser and id and carries each file as base64 that decodes to it byte for byte', () => {
    const text = psInstaller({ ...chrome, browser: 'firefox', extensionId: 'ollama-chat@ollama-chat.dev' }, ps);
    expect(text).toContain("$ExtensionBrowser = 'firefox'\n$ExtensionId = 'ollama-chat@ollama-chat.dev'\n$HelperVersion = '0.1.0'\n");
    const b64 = /'host\.ps1' = '([A-Za-z0-9+/=]+)'/.exec(text)?.[1] ?? '';
    expect(Buffer.from(b64, 'base64').toString('utf8')).toBe(ps.hostPs1);
    expect(text).toContain(`'start.ps1' = '${base64Utf8('START')}'`);
    expect(text.endsWith('switch ($Action) {}\n')).toBe(true);
    expect(() => psInstaller({ ...chrome, extensionId: "a'b" }, ps)).toThrow(/Not an extension id/);
  });

  it('base64 of a large multibyte file matches Node’s', () => {
    const big = 'é😀x'.repeat(50_000);
    expect(base64Utf8(big)).toBe(Buffer.from(big, 'utf8').toString('base64'));
  });

  it('ships PowerShell files in plain ASCII (Windows PowerShell 5.1 reads a file without a BOM in the ANSI code page)', () => {
    for (const f of ['host.ps1', 'start.ps1', 'runner.ps1', 'setup.ps1']) {
      const bytes = readFileSync(resolve('native-host/ps', f));
      expect(bytes.filter((b) => b > 0x7e || (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d))).toHaveLength(0);
    }
  });
});
