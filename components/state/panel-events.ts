/** What the panel does with each message from the background: one entry per type. */
import type { BackgroundMessage, Handlers, PanelMessage } from '../../lib/protocol';
import type { BannerModel } from './banner';
import type { ChatModel } from './chat';
import type { ConnectionModel } from './connection';
import type { ConversationFetcher } from './fetcher';
import type { HistoryModel } from './history';
import type { ImagesModel } from './images';
import type { Inbox } from './inbox';
import type { ModelsModel } from './models';
import { helperOf, statusBanner } from './problems';
import type { PromptSettingsModel } from './prompt-settings';
import type { SettingsModel } from './settings';
import { t } from '../../lib/i18n';

/** After a reply that needed Ollama started, the status and model list are stale: check again once it ends. */
export function recheckAfterRecovery(connection: Pick<ConnectionModel, 'check'>) {
  let recovered = false;
  return {
    recovering() {
      recovered = true;
    },
    replyEnded() {
      if (recovered) connection.check();
      recovered = false;
    },
  };
}

export interface PanelParts {
  banner: BannerModel;
  connection: ConnectionModel;
  chat: ChatModel;
  history: HistoryModel;
  fetcher: ConversationFetcher;
  settings: SettingsModel;
  prompts: PromptSettingsModel;
  inbox: Inbox;
  images: Pick<ImagesModel, 'facts'>;
  models: ModelsModel;
  recovery: { recovering(): void };
  send(msg: PanelMessage): void;
  showChat(): void;
}

export function panelEvents(p: PanelParts): Handlers<BackgroundMessage> {
  const { banner, history, send } = p;
  return {
    status: (msg) => {
      p.connection.apply(msg);
      statusBanner(banner, msg);
      // Down: whether the helper could start it decides what the banner and the welcome offer.
      if (msg.state === 'stopped' && helperOf(p.settings.host.peek()) !== 'installed') send({ type: 'host/status' });
    },
    ...p.chat.events,
    ...p.models.events,
    'history/done': history.events['history/done'],
    'history/results': history.events['history/results'],
    'import/ack': history.events['import/ack'],
    'import/result': history.events['import/result'],
    'history/conversation': (msg) => p.fetcher.answer(msg.id, msg.conversation),
    'history/problem': (msg) => {
      history.events['history/problem'](msg);
      banner.error(msg.message, 'history');
    },
    'chat/recovering': (msg) => {
      p.recovery.recovering();
      banner.info(msg.message, 'chat');
    },
    'recovery/result': (msg) => {
      if (!msg.ok) return banner.error(msg.message, 'recovery', 'down');
      banner.info(t('panel_events_reconnected'), 'recovery');
      // A confirmation, not a signal: it only needs to stay long enough to be read.
      setTimeout(() => banner.clear('recovery'), 3000);
    },
    'host/status': (msg) => p.settings.setHost(msg),
    'model/facts': (msg) => {
      p.prompts.facts(msg.model, msg.contextLength);
      p.images.facts(msg.model, msg.capabilities);
    },
    'selection/available': () => send({ type: 'selection/take' }),
    'selection/items': (msg) => {
      p.showChat();
      p.inbox.accept(msg.items);
    },
  };
}
