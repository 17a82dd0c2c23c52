/** Builds the panel's models and wires them to the background and to storage. */
import { type ReadonlySignal, signal } from '@preact/signals';
import type { Conversation } from '../../lib/conversations/contract';
import { pauseLocalChanges } from '../../lib/storage/changes';
import { followIndex, readAllConversations } from '../../lib/storage/history-io';
import type { BackgroundMessage } from '../../lib/protocol';
import { DEFAULT_SETTINGS, type SendKey } from '../../lib/settings';
import {
  currentConversationItem,
  storageUsage,
  readSettings,
  selectedModelItem,
  watchSettings,
} from '../../lib/storage/items';
import { type BannerModel, createBannerModel, NO_CONTEXT } from './banner';
import type { ActionContext, BannerAction } from './banner-actions';
import { type ChatModel, createChatModel } from './chat';
import { type ConnectionModel, createConnectionModel } from './connection';
import { createFetcher } from './fetcher';
import { createHistoryModel, type HistoryModel } from './history';
import { createInbox, type Inbox } from './inbox';
import { type BackgroundLink, connectBackground } from './link';
import { createReadiness } from './readiness';
import { actionContext, explainNoModel, helperOf, runAction, statusBanner } from './problems';
import { createSettingsModel, type SettingsModel } from './settings';
import { createWelcome, type WelcomeStep } from './welcome';

export type View = 'chat' | 'settings' | 'history';

export interface Panel {
  readonly banner: BannerModel;
  readonly connection: ConnectionModel;
  readonly chat: ChatModel;
  readonly history: HistoryModel;
  readonly inbox: Inbox;
  readonly settings: SettingsModel;
  readonly view: ReadonlySignal<View>;
  /** The first-run guide's step while the chat is empty. */
  readonly welcome: ReadonlySignal<WelcomeStep>;
  /** Which Enter sends from the message box (Settings, "Send with"). */
  readonly sendKey: ReadonlySignal<SendKey>;
  show(view: View): void;
  /** Runs a banner's (or the welcome's) action: Start Ollama, Retry. */
  act(action: BannerAction): void;
  /** Opens a stored conversation in the chat view. */
  openConversation(id: string): Promise<void>;
  /** One whole stored conversation, from the background. */
  fetchConversation(id: string): Promise<Conversation | null>;
  dispose(): void;
}

export function createPanel(connect?: Parameters<typeof connectBackground>[2]): Panel {
  // The banner's actions follow the helper, the URL and the last reply (known once chat exists).
  let actions: ReadonlySignal<ActionContext> | null = null;
  const banner = createBannerModel(() => actions?.value ?? NO_CONTEXT);
  const settings = createSettingsModel();
  let recovered = false;
  const view = signal<View>('chat');
  const sendKey = signal<SendKey>(DEFAULT_SETTINGS.sendKey);
  let link: BackgroundLink | null = null;
  const send: BackgroundLink['send'] = (msg) => link?.send(msg);

  const connection = createConnectionModel({
    requestCheck: () => send({ type: 'status/check' }),
    rememberModel: (name) => void selectedModelItem.setValue(name),
  });
  const chat = createChatModel({
    send,
    selectedModel: connection.selected,
    explainNoModel: () => explainNoModel(connection.failure.peek()),
    banner,
    onConnectionFailure: (failure) => {
      // Layer 2 (seed-system.md): a dropped stream starts recovery; a refusal was already
      // retried by the background (layer 1), so only the status is re-checked.
      if (failure.kind === 'refused') return connection.check();
      banner.info('Connection to Ollama lost. Attempting to reconnect...', 'recovery');
      send({ type: 'recovery/start' });
    },
    rememberConversation: (id) => void currentConversationItem.setValue(id),
    onConflict: () => {
      syncedVersion = '';
      void syncChat();
    },
    onIdle: () => {
      // A reply that needed Ollama started: the status and model list are stale now.
      if (recovered) connection.check();
      recovered = false;
    },
  });
  // Quick actions wait for the model to be known (and the chat to be idle): see inbox.ts.
  const inbox = createInbox(chat, banner, createReadiness(connection));
  const fetcher = createFetcher(send, banner);
  const fetchConversation = fetcher.fetch;
  const linkLost = () => {
    fetcher.linkLost();
    chat.linkLost();
  };
  // When the open conversation changed in storage (another panel, a finished save), refetch it.
  let syncedVersion = '';
  const syncChat = async () => {
    const id = chat.conversationId.peek();
    const summary = id ? history.find(id) : undefined;
    if (!id || !summary || summary.updated_at === syncedVersion || chat.streaming.peek()) return;
    syncedVersion = summary.updated_at;
    const stored = await fetchConversation(id);
    if (stored) chat.sync(stored);
  };
  const index = followIndex();
  const history = createHistoryModel({
    send,
    readIndex: index.read,
    watchIndex: (cb) =>
      index.watch((list) => {
        cb(list);
        void syncChat();
      }),
    readAll: readAllConversations,
    usage: storageUsage,
    pauseChanges: pauseLocalChanges,
  });
  actions = actionContext(settings.host, connection.baseUrl, chat);

  const onStatus = (msg: Extract<BackgroundMessage, { type: 'status' }>) => {
    connection.apply(msg);
    statusBanner(banner, msg);
    // Down: whether the helper could start it decides what the banner and the welcome offer.
    if (msg.state === 'stopped' && helperOf(settings.host.peek()) !== 'installed') send({ type: 'host/status' });
  };
  link = connectBackground(
    {
      status: onStatus,
      ...chat.events,
      'history/done': history.events['history/done'],
      'history/results': history.events['history/results'],
      'import/ack': history.events['import/ack'],
      'import/result': history.events['import/result'],
      'history/conversation': (msg) => fetcher.answer(msg.id, msg.conversation),
      'history/problem': (msg) => {
        history.events['history/problem'](msg);
        banner.error(msg.message, 'history');
      },
      'chat/recovering': (msg) => {
        recovered = true;
        banner.info(msg.message, 'chat');
      },
      'recovery/result': (msg) => {
        if (!msg.ok) return banner.error(msg.message, 'recovery', 'down');
        banner.info('Reconnected to Ollama.', 'recovery');
        // A confirmation, not a signal: it only needs to stay long enough to be read.
        setTimeout(() => banner.clear('recovery'), 3000);
      },
      'host/status': (msg) => settings.setHost(msg),
      'selection/available': () => send({ type: 'selection/take' }),
      'selection/items': (msg) => {
        view.value = 'chat';
        inbox.accept(msg.items);
      },
    },
    () => {
      linkLost();
      history.linkLost();
    },
    connect,
  );

  const loadPreferences = async () => {
    const [s, remembered] = await Promise.all([readSettings(), selectedModelItem.getValue()]);
    connection.setPreferences(remembered, s.defaultModel);
    sendKey.value = s.sendKey;
  };
  // Selections queued while the panel was closed or loading arrive now.
  send({ type: 'selection/take' });
  void loadPreferences().then(() => connection.check());
  const unwatch = watchSettings(() => {
    void loadPreferences();
    connection.check();
  });
  // Reopen where the user left off.
  // The list is read once (it can be megabytes); the pointer is tiny.
  void Promise.all([history.whenLoaded(), currentConversationItem.getValue()]).then(async ([, id]) => {
    if (!id || !history.find(id)) return;
    const stored = await fetchConversation(id);
    if (stored && chat.conversationId.peek() === null && chat.messages.peek().length === 0) {
      syncedVersion = stored.updated_at;
      chat.open(stored);
    }
  });

  return {
    banner,
    connection,
    chat,
    history,
    inbox,
    settings,
    view,
    welcome: createWelcome(connection, settings.host),
    act: (a) => runAction(a, { banner, connection, chat, send }),
    sendKey,
    show(v) {
      view.value = v;
      if (v === 'settings') {
        void settings.load();
        send({ type: 'host/status' });
      }
      if (v === 'history') void history.checkUsage();
    },
    fetchConversation,
    async openConversation(id) {
      const stored = await fetchConversation(id);
      if (!stored) return;
      syncedVersion = stored.updated_at;
      chat.open(stored);
      // The conversation's model becomes the selected one when it is installed.
      if (connection.models.peek().some((m) => m.name === stored.model)) connection.select(stored.model);
      view.value = 'chat';
    },
    dispose() {
      unwatch();
      inbox.dispose();
      history.dispose();
      link?.close();
    },
  };
}
