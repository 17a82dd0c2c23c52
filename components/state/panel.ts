/**
 * Builds the panel's models and wires them to the background and to storage. The decisions live
 * in the parts: panel-events.ts (each background message), problems.ts (banner policy),
 * chat-sync.ts (the open conversation vs its stored copy), startup.ts (preferences, reopening).
 */
import { type ReadonlySignal, type Signal, signal } from '@preact/signals';
import type { Conversation } from '../../lib/conversations/contract';
import { downscale } from '../../lib/images/downscale';
import type { PanelMessage } from '../../lib/protocol';
import { DEFAULT_SETTINGS, type SendKey } from '../../lib/settings';
import { currentConversationItem, readSettings, selectedModelItem, watchSettings } from '../../lib/storage/items';
import { type ActiveConnectionModel, createActiveConnection, followConnection, onlyActiveStatus, withConnection } from './active-connection';
import { type BannerModel, createBannerModel, NO_CONTEXT } from './banner';
import type { ActionContext, BannerAction } from './banner-actions';
import { type ChatModel, createChatModel } from './chat';
import { type ChatSync, createChatSync } from './chat-sync';
import { type ConnectionModel, createConnectionModel } from './connection';
import { type DraftsBinding, followDrafts } from './drafts';
import { type ConversationFetcher, createFetcher } from './fetcher';
import type { HistoryModel } from './history';
import { type AttachmentsModel, createAttachments } from './attachments';
import { type ContextBudgetModel, createContextBudget } from './context-budget';
import { createImages, type ImagesModel } from './images';
import { createInbox, type Inbox } from './inbox';
import { type BackgroundLink, connectBackground } from './link';
import { createModelsModel, type ModelsModel } from './models';
import { panelEvents, recheckAfterRecovery } from './panel-events';
import { actionContext, explainNoModel, replyConnectionLost, runAction } from './problems';
import { createReadiness } from './readiness';
import { createPromptSettings, type PromptSettingsModel } from './prompt-settings';
import { createSettingsModel, type SettingsModel } from './settings';
import { followPreferences, reopenLastConversation } from './startup';
import { storedHistory } from './stored-history';
import { createSystemPrompt, type SystemPromptModel } from './system-prompt';
import { followConversation, withSystem } from './system-wiring';
import { createWelcome, type WelcomeStep } from './welcome';

export type View = 'chat' | 'settings' | 'history' | 'models';

export interface Panel {
  readonly banner: BannerModel;
  readonly connection: ConnectionModel;
  /** Which of Settings' connections the panel talks to (the header's "Connection"). */
  readonly server: ActiveConnectionModel;
  readonly chat: ChatModel;
  readonly history: HistoryModel;
  readonly models: ModelsModel;
  readonly inbox: Inbox;
  readonly attachments: AttachmentsModel;
  readonly images: ImagesModel;
  readonly settings: SettingsModel;
  /** Settings' system prompt, presets and parameters. */
  readonly prompts: PromptSettingsModel;
  /** The open conversation's own system prompt (the header's "System prompt"). */
  readonly systemPrompt: SystemPromptModel;
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

type Connect = Parameters<typeof connectBackground>[2];

interface Parts {
  banner: BannerModel;
  settings: SettingsModel;
  prompts: PromptSettingsModel;
  systemPrompt: SystemPromptModel;
  connection: ConnectionModel;
  server: ActiveConnectionModel;
  chat: ChatModel;
  inbox: Inbox;
  attachments: AttachmentsModel;
  images: ImagesModel;
  budget: ContextBudgetModel;
  drafts: DraftsBinding;
  history: HistoryModel;
  models: ModelsModel;
  fetcher: ConversationFetcher;
  sync: ChatSync;
  view: Signal<View>;
  link: BackgroundLink;
  send(msg: PanelMessage): void;
}

/** Builds the models, each given what it needs of the others, and connects them to the background. */
function buildParts(connect: Connect | undefined): Parts {
  // The banner's actions follow the helper, the URL and the last reply (known once chat exists).
  let actions: ReadonlySignal<ActionContext> | null = null;
  const banner = createBannerModel(() => actions?.value ?? NO_CONTEXT);
  const settings = createSettingsModel();
  const view = signal<View>('chat');
  let link: BackgroundLink | null = null;
  // Another connection: its status, its models (the Models view's too, when open).
  const server = createActiveConnection(() => {
    connection.check();
    if (view.peek() === 'models') models.refresh();
  });
  const send = (msg: PanelMessage) => link?.send(withConnection(msg, server.active.peek()));
  const connection = createConnectionModel({
    requestCheck: () => send({ type: 'status/check' }),
    rememberModel: (name) => void selectedModelItem.setValue(name),
  });
  const recovery = recheckAfterRecovery(connection);
  const prompts = createPromptSettings({ askFacts: (model) => send({ type: 'model/show', model }) });
  const systemPrompt = createSystemPrompt();
  const chatModel = createChatModel({
    send: (msg) => send(withSystem(msg, systemPrompt.text.peek())),
    selectedModel: connection.selected,
    explainNoModel: () => explainNoModel(connection.failure.peek()),
    banner,
    onConnectionFailure: (failure) => replyConnectionLost(failure, { banner, connection, send }),
    rememberConversation: (id) => void currentConversationItem.setValue(id),
    onConflict: () => sync.refetch(),
    onIdle: recovery.replyEnded,
    returnAttachments: (list) => attachments.restore(list),
  });
  // Unsent text per conversation: taken when a conversation is shown, so inside the connection's wrapper.
  const drafts = followDrafts(followConversation(chatModel, systemPrompt), systemPrompt);
  const chat = followConnection(drafts.chat, server);
  // Text attachments are fitted to what the model keeps of a request, less the system prompt and history.
  const budget = createContextBudget({
    selected: connection.selected,
    maxContext: prompts.maxContext,
    messages: chat.messages,
    system: systemPrompt.text,
    askFacts: (model) => send({ type: 'model/show', model }),
  });
  const attachments = createAttachments(budget.budget);
  const images = createImages({
    attachments,
    selected: connection.selected,
    installed: connection.models,
    askFacts: (model) => send({ type: 'model/show', model }),
    select: (name) => connection.select(name),
    downscale,
  });
  // Quick actions wait for the model to be known (and the chat to be idle): see inbox.ts.
  const inbox = createInbox(chat, banner, createReadiness(connection), attachments);
  const fetcher = createFetcher(send, banner);
  const history = storedHistory(send, () => void sync.check());
  const sync = createChatSync({ chat, find: (id) => history.find(id), fetch: fetcher.fetch });
  actions = actionContext(settings.host, connection.baseUrl, chat);
  const models = createModelsModel({ send, recheck: () => connection.check() });
  const parts = { banner, settings, prompts, systemPrompt, connection, server, chat, inbox, attachments, images, history, models, fetcher, recovery, send };
  const lost = () => {
    fetcher.linkLost();
    chat.linkLost();
    history.linkLost();
    models.linkLost();
  };
  const showChat = () => {
    view.value = 'chat';
  };
  link = connectBackground(onlyActiveStatus(panelEvents({ ...parts, showChat }), server.active), lost, connect);
  return { ...parts, budget, drafts, sync, view, link };
}

export function createPanel(connect?: Connect): Panel {
  const p = buildParts(connect);
  const { banner, connection, chat, history, settings, view, send } = p;
  const sendKey = signal<SendKey>(DEFAULT_SETTINGS.sendKey);
  // Selections queued while the panel was closed or loading arrive now.
  send({ type: 'selection/take' });
  const unwatch = followPreferences(connection, sendKey);
  void readSettings().then(p.server.setSettings);
  const unwatchServers = watchSettings(p.server.setSettings);
  void reopenLastConversation(history, chat, p.fetcher.fetch, p.sync.open);

  return {
    banner,
    connection,
    server: p.server,
    chat,
    history,
    models: p.models,
    inbox: p.inbox,
    attachments: p.attachments,
    images: p.images,
    settings,
    prompts: p.prompts,
    systemPrompt: p.systemPrompt,
    view,
    welcome: createWelcome(connection, settings.host),
    act: (a) => runAction(a, { banner, connection, chat, send }),
    sendKey,
    show(v) {
      view.value = v;
      if (v === 'settings') {
        void settings.load();
        void p.prompts.load(connection.selected.peek());
        send({ type: 'host/status' });
      }
      if (v === 'history') void history.checkUsage();
      if (v === 'models') p.models.refresh();
    },
    fetchConversation: p.fetcher.fetch,
    async openConversation(id) {
      const stored = await p.fetcher.fetch(id);
      if (!stored) return;
      p.sync.open(stored);
      // The conversation's model becomes the selected one when it is installed.
      if (connection.models.peek().some((m) => m.name === stored.model)) connection.select(stored.model);
      view.value = 'chat';
    },
    dispose() {
      unwatch();
      unwatchServers();
      p.inbox.dispose();
      p.images.dispose();
      p.budget.dispose();
      p.drafts.dispose();
      history.dispose();
      p.link.close();
    },
  };
}
