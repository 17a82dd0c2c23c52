import { useEffect, useState } from 'preact/hooks';
import { BannerView } from './BannerView';
import { Composer } from './Composer';
import { Header } from './Header';
import { HistoryLoader } from './HistoryLoader';
import { MessageList } from './MessageList';
import { ModelsLoader } from './ModelsLoader';
import { AssistantBody } from './MessageView';
import { SettingsLoader } from './SettingsLoader';
import { createPanel, type Panel } from './state/panel';
import { useShortcuts } from './useShortcuts';
import { Welcome } from './Welcome';

/** The side panel. `panel` is injectable so tests can drive it without a background. */
export function App({ panel: given }: { panel?: Panel }) {
  const [panel] = useState(() => given ?? createPanel());
  useEffect(() => () => panel.dispose(), [panel]);
  // After the first paint: replies need the markdown renderer, the empty panel does not.
  useEffect(() => void AssistantBody.preload(), []);
  useShortcuts(panel);
  const view = panel.view.value;

  return (
    <div class="app">
      <Header panel={panel} />
      <BannerView banner={panel.banner} act={panel.act} />
      {/* The landmark screen readers jump to; it takes the space the header and footer leave. */}
      <main class="main">
        {view === 'settings' && (
          <SettingsLoader
            model={panel.settings}
            prompts={panel.prompts}
            selected={panel.connection.selected.value}
            installed={panel.connection.models.value.map((m) => m.name)}
            onClose={() => panel.show('chat')}
          />
        )}
        {view === 'history' && (
          <HistoryLoader
            history={panel.history}
            currentId={panel.chat.conversationId.value}
            onOpen={(id) => panel.openConversation(id)}
            fetch={panel.fetchConversation}
          />
        )}
        {view === 'models' && <ModelsLoader models={panel.models} />}
        {view === 'chat' && (
          <>
            <MessageList
              chat={panel.chat}
              empty={<Welcome welcome={panel.welcome} act={panel.act} ask={(text) => panel.chat.ask(text)} models={panel.models} />}
            />
            <Composer chat={panel.chat} inbox={panel.inbox} attachments={panel.attachments} images={panel.images} sendKey={panel.sendKey} />
          </>
        )}
      </main>
    </div>
  );
}
