/** Which installer this browser needs: the OS (runtime.getPlatformInfo), the browser kind and the running id. */
import { browser } from 'wxt/browser';
import type { InstallerOs, InstallerTarget } from './installer';

export interface InstallerPlan {
  /** null: an OS without a helper (ChromeOS, Android): auto-start is not available there. */
  os: InstallerOs | null;
  target: InstallerTarget;
}

export function osOfPlatform(os: string): InstallerOs | null {
  if (os === 'win') return 'windows';
  return os === 'linux' || os === 'mac' || os === 'openbsd' ? 'posix' : null;
}

export async function installerPlan(): Promise<InstallerPlan> {
  const { os } = await browser.runtime.getPlatformInfo();
  const firefox = browser.runtime.getURL('/').startsWith('moz-extension:');
  return {
    os: osOfPlatform(os),
    target: { browser: firefox ? 'firefox' : 'chrome', extensionId: browser.runtime.id, version: browser.runtime.getManifest().version },
  };
}
