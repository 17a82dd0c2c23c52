import { ConnectionPicker } from './ConnectionPicker';
import { BoxIcon, GearIcon, HistoryIcon, PlusIcon, SystemPromptIcon } from './icons';
import { ModelPicker } from './ModelPicker';
import type { Panel } from './state/panel';
import { StatusBadge } from './StatusBadge';
import { SystemPromptLoader } from './SystemPromptLoader';

export function Header({ panel }: { panel: Panel }) {
  const view = panel.view.value;
  const system = panel.systemPrompt;
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
        <ConnectionPicker server={panel.server} />
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
        <button
          type="button"
          class="icon-button"
          aria-label="System prompt"
          title={system.text.value.trim() ? 'System prompt (this conversation has its own)' : 'System prompt'}
          aria-expanded={system.open.value}
          aria-controls={system.open.value ? 'system-prompt-editor' : undefined}
          data-own={system.text.value.trim() ? '' : undefined}
          onClick={() => system.toggle()}
        >
          <SystemPromptIcon />
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
      {panel.server.note.value && (
        <p class="connection-note" aria-live="polite">
          {panel.server.note.value}
        </p>
      )}
      {system.open.value && <SystemPromptLoader model={system} />}
    </header>
  );
}
