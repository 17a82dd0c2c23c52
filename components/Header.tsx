import { BoxIcon, GearIcon, HistoryIcon, PlusIcon } from './icons';
import { ModelPicker } from './ModelPicker';
import type { Panel } from './state/panel';
import { StatusBadge } from './StatusBadge';

export function Header({ panel }: { panel: Panel }) {
  const view = panel.view.value;
  const toggle = (v: 'settings' | 'history' | 'models') => panel.show(view === v ? 'chat' : v);
  return (
    <header class="header">
      <div class="header-row">
        {/* Chrome's side panel and Firefox's sidebar already show the name above the panel: once
            on screen is enough, the heading stays for screen readers. */}
        <h1 class="visually-hidden">Ollama Chat</h1>
        {panel.connection.simulated.value && (
          <span class="sim-badge" title="Answers come from the built-in Ollama simulator (npm start found no Ollama), not from a real model.">
            Simulator
          </span>
        )}
        <StatusBadge connection={panel.connection} />
      </div>
      <div class="header-row">
        <ModelPicker connection={panel.connection} />
        <button
          type="button"
          class="icon-button"
          aria-label="New chat"
          title="New chat"
          onClick={() => {
            panel.chat.newChat();
            panel.show('chat');
            // A new chat is for typing.
            panel.inbox.requestFocus();
          }}
        >
          <PlusIcon />
        </button>
        <button type="button" class="icon-button" aria-label="History" title="History" aria-pressed={view === 'history'} onClick={() => toggle('history')}>
          <HistoryIcon />
        </button>
        <button type="button" class="icon-button" aria-label="Models" title="Models" aria-pressed={view === 'models'} onClick={() => toggle('models')}>
          <BoxIcon />
        </button>
        <button type="button" class="icon-button" aria-label="Settings" title="Settings" aria-pressed={view === 'settings'} onClick={() => toggle('settings')}>
          <GearIcon />
        </button>
      </div>
    </header>
  );
}
