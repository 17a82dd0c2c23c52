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
import { type BannerModel, createBannerModel } from './banner';
import { type ChatModel, createChatModel } from './chat';
import { type ConnectionModel, createConnectionModel } from './connection';
import { createFetcher } from './fetcher';
import { createHistoryModel, type HistoryModel } from './history';
import { createInbox, type Inbox } from './inbox';
import { type BackgroundLink, connectBackground } from './link';
import { createReadiness, NO_MODEL_MESSAGE } from './readiness';
import { createSettingsModel, type SettingsModel } from './settings';

export type View = 'chat' | 'settings' | 'history';

export interface Panel {
  readonly banner: BannerModel;
  readonly connection: ConnectionModel;
  readonly chat: ChatModel;
  readonly history: HistoryModel;
  readonly inbox: Inbox;
  readonly settings: SettingsModel;
  readonly view: ReadonlySignal<View>;
  /** Which Enter sends from the message box (Settings, "Send with"). */
  readonly sendKey: ReadonlySignal<SendKey>;
  show(view: View): void;
  /** Opens a stored conversation in the chat view. */
  openConversation(id: string): Promise<void>;
  /** One whole stored conversation, from the background. */
  fetchConversation(id: string): Promise<Conversation | null>;
  dispose(): void;
}

export function createPanel(connect?: Parameters<typeof connectBackground>[2]): Panel {
  const banner = createBannerModel();
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
    explainNoModel: () => connection.failure.peek()?.message ?? NO_MODEL_MESSAGE,
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
  const settings = createSettingsModel();

  const onStatus = (msg: Extract<BackgroundMessage, { type: 'status' }>) => {
    connection.apply(msg);
    // A status failure must not hide a more specific error (a failed start, a chat error).
    const shown = banner.current.peek();
    if (msg.failure && (!shown || shown.source === 'status')) banner.error(msg.failure.message, 'status');
    else if (!msg.failure) {
      // Ollama answers again: banners about not reaching it are out of date (a failed
      // recovery's error too; "Reconnected" stays its few seconds).
      banner.clear('status');
      banner.clear('connection');
      if (shown?.source === 'recovery' && shown.kind === 'error') banner.clear('recovery');
    }
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
        if (!msg.ok) return banner.error(msg.message, 'recovery');
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
