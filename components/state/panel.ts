/** Builds the panel's models and wires them to the background and to storage. */
import { type ReadonlySignal, signal } from '@preact/signals';
import type { BackgroundMessage } from '../../lib/protocol';
import { readSettings, selectedModelItem, watchSettings } from '../../lib/storage/items';
import { type BannerModel, createBannerModel } from './banner';
import { type ChatModel, createChatModel } from './chat';
import { type ConnectionModel, createConnectionModel } from './connection';
import { type BackgroundLink, connectBackground } from './link';
import { createSettingsModel, type SettingsModel } from './settings';

export type View = 'chat' | 'settings';

export interface Panel {
  readonly banner: BannerModel;
  readonly connection: ConnectionModel;
  readonly chat: ChatModel;
  readonly settings: SettingsModel;
  readonly view: ReadonlySignal<View>;
  show(view: View): void;
  dispose(): void;
}

export function createPanel(connect?: Parameters<typeof connectBackground>[2]): Panel {
  const banner = createBannerModel();
  const view = signal<View>('chat');
  let link: BackgroundLink | null = null;
  const send: BackgroundLink['send'] = (msg) => link?.send(msg);

  const connection = createConnectionModel({
    requestCheck: () => send({ type: 'status/check' }),
    rememberModel: (name) => void selectedModelItem.setValue(name),
  });
  const chat = createChatModel({
    send,
    selectedModel: connection.selected,
    explainNoModel: () =>
      connection.failure.peek()?.message ??
      'No model is installed in Ollama. Install one with `ollama pull llama3.2`, then click the status to check again.',
    banner,
    onConnectionFailure: () => connection.check(),
  });
  const settings = createSettingsModel();

  const onStatus = (msg: Extract<BackgroundMessage, { type: 'status' }>) => {
    connection.apply(msg);
    if (msg.failure) banner.error(msg.failure.message, 'status');
    else banner.clear('status');
  };
  link = connectBackground({ status: onStatus, ...chat.events }, () => chat.linkLost(), connect);

  const loadPreferences = async () => {
    const [s, remembered] = await Promise.all([readSettings(), selectedModelItem.getValue()]);
    connection.setPreferences(remembered, s.defaultModel);
  };
  void loadPreferences().then(() => connection.check());
  const unwatch = watchSettings(() => {
    void loadPreferences();
    connection.check();
  });

  return {
    banner,
    connection,
    chat,
    settings,
    view,
    show(v) {
      view.value = v;
      if (v === 'settings') void settings.load();
    },
    dispose() {
      unwatch();
      link?.close();
    },
  };
}
