/**
 * One connected panel: answers its typed requests and relays replies back over its Port.
 * A panel may vanish at any moment (closed, reloaded); posting then must not throw, and the
 * reply goes on streaming into history.
 */
import { t } from '../i18n';
import type { Browser } from 'wxt/browser';
import { LOCAL_CONNECTION } from '../connections';
import type { ModelsApi } from '../ollama/client';
import type { HandoffQueue } from '../selection/handoff';
import { parseConversations } from '../conversations/validate';
import { type BackgroundMessage, dispatch, type PanelMessage } from '../protocol';
import { isObject, PANEL_GUARDS } from '../protocol-guards';
import { modelsApiFor, type OllamaContext } from './context';
import type { Exchanges } from './exchanges';
import type { HistoryOps } from './history-ops';
import { changeModel, explain, listModels } from './models-ops';
import type { Pulls } from './pulls';
import { createOwnSwitches } from './own-switches';
import { hostStatus, recover } from './recovery';
import { checkStatus } from './status';

type Port = Browser.runtime.Port;

export interface PanelServices {
  /** The request's connection, by the id the panel named (absent: the default one). */
  context(connectionId?: string): Promise<OllamaContext>;
  exchanges: Exchanges;
  history: HistoryOps;
  selections: HandoffQueue;
  pulls: Pulls;
  /** A connection check found Ollama answering there: pulls that waited for it go on (lib/background/pull-resume.ts). */
  ollamaUp?(connection?: string): void;
  /** Registers this panel for history problems; returns the unregister function. */
  watchProblems(post: (msg: BackgroundMessage) => void): () => void;
}

export function servePanel(port: Port, services: PanelServices): void {
  let connected = true;
  // Only onDisconnect ends the session: a post that fails once (a value the browser cannot
  // clone, a message over its size limit) must not silence every later message to this panel.
  const post = (msg: BackgroundMessage) => {
    if (!connected) return;
    try {
      port.postMessage(msg);
    } catch (e) {
      console.error(`Could not post ${msg.type} to a panel`, e);
      if (msg.type === 'history/problem') return;
      post({
        type: 'history/problem',
        message: t('panel_session_undelivered', msg.type),
      });
    }
  };
  const unwatch = services.watchProblems(post);
  // A panel reopened mid-pull shows its progress again at once.
  for (const pull of services.pulls.running()) post({ type: 'models/progress', pull });
  const models = async (id?: string) => {
    const { settings, connection } = await services.context(id);
    return {
      api: modelsApiFor(connection ?? { ...LOCAL_CONNECTION, baseUrl: settings.baseUrl, headers: [] }),
      baseUrl: settings.baseUrl,
      name: connection?.name,
      id: connection?.id,
    };
  };
  const withModels = (id: string | undefined, run: (api: ModelsApi, baseUrl: string, name?: string, connectionId?: string) => unknown) =>
    void models(id).then(({ api, baseUrl, name, id: connectionId }) => run(api, baseUrl, name, connectionId));

  const sendStatus = async (id?: string) => {
    const ctx = await services.context(id);
    const status = await checkStatus(ctx.api, ctx.settings.baseUrl, ctx.connection);
    post(status);
    if (status.state === 'running' && !status.failure) services.ollamaUp?.(ctx.connection?.id);
  };

  // An unreachable Ollama or an unknown model is no error here: Settings shows no maximum.
  const modelFacts = async (model: string, id?: string) => {
    const { api } = await services.context(id);
    const facts = await api.show?.(model).catch(() => null);
    post({ type: 'model/facts', model, ...(facts?.contextLength ? { contextLength: facts.contextLength } : {}), capabilities: facts?.capabilities ?? [] });
  };

  // Per panel: its next question waits for its own version switch (lib/background/own-switches.ts).
  const switches = createOwnSwitches();
  const refuse = (requestId: string) => post({ type: 'chat/failed', requestId, failure: { kind: 'invalid', message: t('panel_session_malformed') } });

  const startChat = async (msg: Extract<PanelMessage, { type: 'chat/start' }>) => {
    if (services.exchanges.isRunning(msg.requestId)) return refuse(msg.requestId);
    const waits = switches.after(msg.conversation.id, msg.base);
    const base = waits ? await waits : msg.base;
    const ctx = await services.context(msg.conversation.connection);
    // What is saved with the conversation is the connection actually used (a removed one falls back).
    const conversation = ctx.connection ? { ...msg.conversation, connection: ctx.connection.id } : msg.conversation;
    await services.exchanges.start({ ...msg, conversation, base }, ctx, post, () => void sendStatus(ctx.connection?.id));
  };

  port.onMessage.addListener((raw: unknown) => {
    const handled = dispatch<PanelMessage>(
      {
        'status/check': (msg) => void sendStatus(msg.connection),
        'chat/start': (msg) => void startChat(msg),
        'chat/stop': (msg) => services.exchanges.stop(msg.requestId),
        'chat/attach': (msg) => services.exchanges.attach(msg.conversationId, post),
        'history/rename': (msg) => void services.history.rename(msg.id, msg.title, post),
        'history/delete': (msg) => void services.history.remove(msg.id, post),
        'history/restore': (msg) => {
          const parsed = parseConversations([msg.conversation]);
          if (parsed.ok && parsed.conversations[0]) void services.history.restore(parsed.conversations[0], post);
        },
        'history/get': (msg) => void services.history.get(msg.id, post),
        'history/search': (msg) => void services.history.search(msg.query, post),
        'history/switch-version': (msg) => void switches.switched(msg.id, msg.base, (onto) => services.history.switchVersion({ ...msg, base: onto }, post)),
        // Start Ollama (the user asked) starts it even with auto-start off.
        'recovery/start': (msg) =>
          void services
            .context(msg.connection)
            .then((ctx) =>
              recover(msg.start ? { ...ctx, settings: { ...ctx.settings, autoStart: true } } : ctx, post, (ms) => new Promise((r) => setTimeout(r, ms))),
            ),
        'host/status': () => void hostStatus(post),
        'model/show': (msg) => void modelFacts(msg.model, msg.connection),
        'selection/take': () => void services.selections.takeAll().then((items) => items.length && post({ type: 'selection/items', items })),
        // Big imports: a session of acknowledged batches (lib/background/import-session.ts).
        'models/list': (msg) => withModels(msg.connection, (api, url, name) => listModels(api, url, post, name)),
        'models/pull': (msg) =>
          withModels(msg.connection, (api, url, name, id) => services.pulls.start(msg.name.trim(), api, (e) => explain(e, url, name), id)),
        'models/pull-cancel': (msg) => services.pulls.cancel(msg.name.trim()),
        'models/unload': (msg) => withModels(msg.connection, (api, url, name) => changeModel('unload', msg.name, api, url, post, name)),
        'models/delete': (msg) => withModels(msg.connection, (api, url, name) => changeModel('delete', msg.name, api, url, post, name)),
        'import/begin': (msg) => services.history.imports.begin(msg, post),
        'import/batch': (msg) => services.history.imports.batch(msg, post),
        'import/commit': (msg) => services.history.imports.commit(msg, post),
        'import/cancel': (msg) => services.history.imports.cancel(msg, post),
      },
      raw,
      PANEL_GUARDS,
    );
    if (handled) return;
    console.warn('Refused a malformed or unknown message from a panel', raw);
    // A refused chat/start must still end, or that panel would wait for its reply forever.
    if (isObject(raw) && raw.type === 'chat/start' && typeof raw.requestId === 'string') refuse(raw.requestId);
  });

  port.onDisconnect.addListener(() => {
    connected = false;
    services.exchanges.detach(post);
    services.history.imports.detach(post); // an unfinished import is undone
    unwatch();
  });
}
