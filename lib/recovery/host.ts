/** Talking to the native-messaging host (native-host/), which alone can start Ollama. */
import { browser } from 'wxt/browser';
import { t } from '../i18n';

export const HOST_NAME = 'ollama_chat';

/** How a user installs the host; shown whenever it is missing. */
export const installHint = () => t('recovery_install_hint');
/**
 * The same, for views that read it as a value: the browser's language is fixed until it
 * restarts, so reading it once at load is right there (tests that switch language call installHint).
 */
export const INSTALL_HINT = installHint();

export type HostReply =
  | { ok: true; started?: boolean; running?: boolean; command?: string | null; url?: string; version?: string }
  | { ok: false; error: string };

export type HostResult = { installed: true; reply: HostReply } | { installed: false; error: string };

export type SendNative = (name: string, message: object) => Promise<unknown>;

const defaultSend: SendNative = (name, message) => {
  const runtime = browser.runtime as unknown as { sendNativeMessage?: SendNative };
  // Matched by NOT_INSTALLED below (a missing host, never shown as is), so it stays English.
  if (!runtime.sendNativeMessage) return Promise.reject(new Error('Native messaging is not available.'));
  return runtime.sendNativeMessage(name, message);
};

// Chromium: "Specified native messaging host not found." / "Access to the specified native
// messaging host is forbidden."; Firefox: "No such native application ollama_chat".
const NOT_INSTALLED = /not found|forbidden|no such native application|not available/i;

/** Asks the host one verb. A missing host is an answer (installed: false), not an exception. */
export async function askHost(verb: 'ping' | 'status' | 'start', send: SendNative = defaultSend): Promise<HostResult> {
  try {
    const reply = (await send(HOST_NAME, { verb })) as HostReply | undefined;
    if (!reply || typeof reply !== 'object') return { installed: true, reply: { ok: false, error: t('recovery_no_answer') } };
    return { installed: true, reply };
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    if (NOT_INSTALLED.test(message)) return { installed: false, error: message };
    return { installed: true, reply: { ok: false, error: message } };
  }
}
