/**
 * One connected panel: answers its typed requests and relays exchanges back over its Port.
 * A panel may vanish at any moment (closed, reloaded); posting then must not throw.
 */
import type { Browser } from 'wxt/browser';
import { type Exchange, startExchange } from '../chat/exchange';
import { isConnectionFailure } from '../ollama/errors';
import { type BackgroundMessage, dispatch, isValidChatStart, type PanelMessage } from '../protocol';
import type { OllamaContext } from './context';
import { checkStatus } from './status';

type Port = Browser.runtime.Port;

export function servePanel(port: Port, context: () => Promise<OllamaContext>): void {
  const exchanges = new Map<string, Exchange>();
  let connected = true;

  const post = (msg: BackgroundMessage) => {
    if (!connected) return;
    try {
      port.postMessage(msg);
    } catch {
      connected = false;
    }
  };

  const sendStatus = async () => {
    const ctx = await context();
    post(await checkStatus(ctx.api, ctx.settings.baseUrl));
  };

  const startChat = async (msg: Extract<PanelMessage, { type: 'chat/start' }>) => {
    if (!isValidChatStart(msg) || exchanges.has(msg.requestId)) {
      post({ type: 'chat/failed', requestId: String(msg.requestId), failure: { kind: 'invalid', message: 'The request was malformed and was not sent.' } });
      return;
    }
    const { requestId } = msg;
    const ctx = await context();
    const exchange = startExchange({
      api: ctx.api,
      baseUrl: ctx.settings.baseUrl,
      model: msg.model,
      messages: msg.messages.map(({ role, content }) => ({ role, content })),
      stallTimeoutMs: ctx.settings.stallTimeoutMs,
      firstTokenTimeoutMs: ctx.settings.firstTokenTimeoutMs,
      sink: {
        chunk: (content, thinking) => post({ type: 'chat/chunk', requestId, content, thinking }),
        done: (info) => post({ type: 'chat/done', requestId, info }),
        stopped: () => post({ type: 'chat/stopped', requestId }),
        failed: (failure) => {
          post({ type: 'chat/failed', requestId, failure });
          if (isConnectionFailure(failure)) void sendStatus();
        },
      },
    });
    exchanges.set(requestId, exchange);
    await exchange.finished;
    exchanges.delete(requestId);
  };

  port.onMessage.addListener((raw: unknown) => {
    dispatch<PanelMessage>(
      {
        'status/check': () => void sendStatus(),
        'chat/start': (msg) => void startChat(msg),
        'chat/stop': (msg) => exchanges.get(msg.requestId)?.stop(),
      },
      raw,
    );
  });

  // The reply keeps streaming when the panel goes away; conversation storage (issue 3) saves it.
  port.onDisconnect.addListener(() => {
    connected = false;
  });
}
