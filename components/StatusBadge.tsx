import { type MessageKey, t } from '../lib/i18n';
import type { ConnectionState } from '../lib/protocol';
import type { ConnectionModel } from './state/connection';

const LABEL: Record<ConnectionState, MessageKey> = {
  unknown: 'status_badge_checking',
  running: 'status_badge_connected',
  stopped: 'status_badge_disconnected',
};

export function StatusBadge({ connection }: { connection: ConnectionModel }) {
  const state = connection.state.value;
  const server = connection.baseUrl.value || 'Ollama';
  const version = connection.version.value;
  return (
    <button
      type="button"
      class={`status status-${state}`}
      title={version ? t('status_badge_title_version', server, version) : t('status_badge_title', server)}
      onClick={() => connection.check()}
    >
      <span class="dot" aria-hidden="true" />
      <span role="status">{t(LABEL[state])}</span>
    </button>
  );
}
