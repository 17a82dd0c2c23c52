// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { checkTarget, runCommand, shInstaller } from '../../../lib/autostart/installer';
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
