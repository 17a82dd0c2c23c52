/**
 * The auto-start helper's installer as one self-contained file, made in the panel for the user's OS
 * and browser with this extension's id in it (ids differ between the stores and a checkout, so the
 * id is the running one's). Pure: the host's files come in as text (lib/autostart/host-files.ts).
 * On Linux and macOS it is a POSIX sh script that writes native-host/sh/ into the helper's folder
 * and registers it; run with `doctor` or `uninstall` it checks or removes it. On Windows it is a
 * PowerShell script doing the same with native-host/ps/ (untested: no PowerShell here).
 */
import { t } from '../i18n';

export type InstallerBrowser = 'chrome' | 'firefox';
export type InstallerOs = 'posix' | 'windows';

/** The helper's files, as they are in native-host/sh/ (setup.sh is the installer's own code). */
export interface ShHelperFiles {
  hostSh: string;
  startSh: string;
  jsonAwk: string;
  setupSh: string;
}

/** The Windows helper's files, as they are in native-host/ps/ (setup.ps1 is the installer's own code). */
export interface PsHelperFiles {
  hostPs1: string;
  startPs1: string;
  runnerPs1: string;
  setupPs1: string;
}

export interface InstallerTarget {
  browser: InstallerBrowser;
  /** chrome: the 32-letter id; firefox: the add-on id (browser_specific_settings.gecko.id). */
  extensionId: string;
  version: string;
}

export const SH_INSTALLER_NAME = 'ollama-chat-setup.sh';
export const PS_INSTALLER_NAME = 'ollama-chat-setup.ps1';
const END = 'OLLAMA_CHAT_END_OF_FILE';

/** Only ids of the forms the browsers issue go into the script (and they need no quoting then). */
export function checkTarget({ browser, extensionId, version }: InstallerTarget): void {
  const idOk = browser === 'chrome' ? /^[a-p]{32}$/.test(extensionId) : /^(\{[0-9a-fA-F-]{36}\}|[A-Za-z0-9._+-]+@[A-Za-z0-9._-]+)$/.test(extensionId);
  if (!idOk) throw new Error(t('autostart_bad_id', extensionId));
  if (!/^\d+(\.\d+){0,3}$/.test(version)) throw new Error(t('autostart_bad_version', version));
}

function payload(name: string, text: string): string {
  if (text.split('\n').includes(END)) throw new Error(`${name} contains the line ${END}`);
  return `payload_${name}() {\n  cat <<'${END}'\n${text.endsWith('\n') ? text : `${text}\n`}${END}\n}\n`;
}

/** The sh installer for Linux and macOS. */
export function shInstaller(target: InstallerTarget, files: ShHelperFiles): string {
  checkTarget(target);
  return [
    '#!/bin/sh',
    `# Ollama Chat ${target.version}: installs the helper that lets the ${target.browser === 'firefox' ? 'Firefox' : 'Chrome'} extension start Ollama.`,
    `# Run: sh ${SH_INSTALLER_NAME}   (then: sh ${SH_INSTALLER_NAME} doctor | uninstall). No Node.js needed.`,
    `EXTENSION_BROWSER='${target.browser}'`,
    `EXTENSION_ID='${target.extensionId}'`,
    `HELPER_VERSION='${target.version}'`,
    payload('host_sh', files.hostSh),
    payload('start_sh', files.startSh),
    payload('json_awk', files.jsonAwk),
    files.setupSh,
  ].join('\n');
}

/** UTF-8 bytes as base64, in slices (a spread of a whole file's bytes can overflow the call stack). */
export function base64Utf8(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/**
 * The PowerShell installer for Windows. The files travel as base64: start.ps1 holds a here-string
 * of its own, which would end one wrapped around it.
 */
export function psInstaller(target: InstallerTarget, files: PsHelperFiles): string {
  checkTarget(target);
  const payloads: Array<[string, string]> = [
    ['host.ps1', files.hostPs1],
    ['start.ps1', files.startPs1],
    ['runner.ps1', files.runnerPs1],
  ];
  return [
    `# Ollama Chat ${target.version}: installs the helper that lets the ${target.browser === 'firefox' ? 'Firefox' : 'Chrome'} extension start Ollama.`,
    `# Run in PowerShell: ${runCommand('windows', PS_INSTALLER_NAME)}   (add doctor or uninstall). No Node.js needed.`,
    `$ExtensionBrowser = '${target.browser}'`,
    `$ExtensionId = '${target.extensionId}'`,
    `$HelperVersion = '${target.version}'`,
    '$Payloads = @{',
    ...payloads.map(([name, text]) => `  '${name}' = '${base64Utf8(text)}'`),
    '}',
    files.setupPs1,
  ].join('\n');
}

/** The one command that runs a downloaded installer (the browser's usual Downloads folder). */
export function runCommand(os: InstallerOs, fileName: string): string {
  return os === 'windows' ? `powershell -ExecutionPolicy Bypass -File "$env:USERPROFILE\\Downloads\\${fileName}"` : `sh ~/Downloads/${fileName}`;
}
