import { t } from '../lib/i18n';
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
        <h1 class="visually-hidden">{t('ext_name')}</h1>
        {panel.connection.simulated.value && (
          <span class="sim-badge" title={t('header_simulator_hint')}>
            {t('header_simulator')}
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
          aria-label={t('header_new_chat')}
          title={t('header_new_chat')}
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
          aria-label={t('header_system_prompt')}
          title={system.text.value.trim() ? t('header_system_prompt_own') : t('header_system_prompt')}
          aria-expanded={system.open.value}
          aria-controls={system.open.value ? 'system-prompt-editor' : undefined}
          data-own={system.text.value.trim() ? '' : undefined}
          onClick={() => system.toggle()}
        >
          <SystemPromptIcon />
        </button>
        <button
          type="button"
          class="icon-button"
          aria-label={t('header_history')}
          title={t('header_history')}
          aria-pressed={view === 'history'}
          onClick={() => toggle('history')}
        >
          <HistoryIcon />
        </button>
        <button
          type="button"
          class="icon-button"
          aria-label={t('header_models')}
          title={t('header_models')}
          aria-pressed={view === 'models'}
          onClick={() => toggle('models')}
        >
          <BoxIcon />
        </button>
        <button
          type="button"
          class="icon-button"
          aria-label={t('header_settings')}
          title={t('header_settings')}
          aria-pressed={view === 'settings'}
          onClick={() => toggle('settings')}
        >
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
