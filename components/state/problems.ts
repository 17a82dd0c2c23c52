/** The banner's and the welcome's ways out, run for the panel: start Ollama, check again, retry a reply. */
import { computed, type ReadonlySignal } from '@preact/signals';
import type { BackgroundMessage, Failure, PanelMessage } from '../../lib/protocol';
import { isLoopbackUrl } from '../../lib/settings';
import type { ActionContext, BannerAction, BannerCause, Helper } from './banner-actions';
import type { BannerModel } from './banner';
import type { ChatModel } from './chat';
import type { ConnectionModel } from './connection';
import { noModelMessage } from './readiness';
import type { HostInfo } from './settings';
import { t } from '../../lib/i18n';

/** Only a helper with a start command can start Ollama; one without is as good as missing. */
export const helperOf = (host: HostInfo | null): Helper => (host === null ? 'unknown' : host.installed && host.command ? 'installed' : 'missing');

/** Before the first status there is no URL: count it as local, the default. */
export const isLocal = (url: string): boolean => {
  try {
    return !url || isLoopbackUrl(url);
  } catch {
    return false;
  }
};

/** Why nothing can be sent: Ollama's own failure, else no model installed. */
export function explainNoModel(failure: Failure | null): { message: string; cause: BannerCause } {
  return failure ? { message: failure.message, cause: failure.kind } : { message: noModelMessage(), cause: 'no-model' };
}

export function actionContext(
  host: ReadonlySignal<HostInfo | null>,
  baseUrl: ReadonlySignal<string>,
  chat: Pick<ChatModel, 'messages' | 'streaming'>,
): ReadonlySignal<ActionContext> {
  return computed(() => {
    const last = chat.messages.value.at(-1);
    const status = last?.status.value;
    return {
      helper: helperOf(host.value),
      local: isLocal(baseUrl.value),
      replyRetryable: !chat.streaming.value && last?.role === 'assistant' && (status === 'failed' || status === 'interrupted'),
    };
  });
}

interface Deps {
  banner: BannerModel;
  connection: Pick<ConnectionModel, 'check'>;
  chat: Pick<ChatModel, 'messages' | 'retry'>;
  send(msg: PanelMessage): void;
}

export function runAction(a: BannerAction, deps: Deps): void {
  if (a.kind === 'start') {
    deps.banner.info(t('problems_starting'), 'recovery');
    // The user asked: the background starts it even with auto-start off in Settings.
    deps.send({ type: 'recovery/start', start: true });
  } else if (a.kind === 'retry' && a.what === 'check') deps.connection.check();
  else if (a.kind === 'retry') {
    const last = deps.chat.messages.peek().at(-1);
    if (last) deps.chat.retry(last.id);
  }
}

/**
 * Layer 2 (docs/spec/seed-system.md): a reply's connection dropped. A dropped stream starts recovery; a
 * refusal was already retried by the background (layer 1), so only the status is checked again.
 */
export function replyConnectionLost(failure: Failure, deps: Pick<Deps, 'banner' | 'connection' | 'send'>): void {
  if (failure.kind === 'refused') {
    deps.connection.check();
    return;
  }
  deps.banner.info(t('problems_reconnecting'), 'recovery');
  deps.send({ type: 'recovery/start' });
}

/** What a status says to the banner: raise its failure, or clear what Ollama answering fixed. */
export function statusBanner(banner: BannerModel, msg: Extract<BackgroundMessage, { type: 'status' }>): void {
  // A status failure must not hide a more specific error (a failed start, a chat error).
  const shown = banner.current.peek();
  if (msg.failure) {
    if (!shown || shown.source === 'status') banner.error(msg.failure.message, 'status', msg.failure.kind);
    return;
  }
  // Ollama answers again: banners about not reaching it are out of date (a failed recovery's
  // error too; "Reconnected" stays its few seconds), and so is "no model" once there is one.
  banner.clear('status');
  banner.clear('connection');
  if (shown?.source === 'recovery' && shown.kind === 'error') banner.clear('recovery');
  if (shown?.cause === 'no-model' && msg.models.length > 0) banner.clear('chat');
}
