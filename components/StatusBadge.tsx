import type { ConnectionState } from '../lib/protocol';
import type { ConnectionModel } from './state/connection';

const LABEL: Record<ConnectionState, string> = {
  unknown: 'Checking',
  running: 'Connected',
  stopped: 'Disconnected',
};

export function StatusBadge({ connection }: { connection: ConnectionModel }) {
  const state = connection.state.value;
  return (
    <button
      type="button"
      class={`status status-${state}`}
      title={`${connection.baseUrl.value || 'Ollama'}${connection.version.value ? ` (Ollama ${connection.version.value})` : ''}: click to check again`}
      onClick={() => connection.check()}
    >
      <span class="dot" aria-hidden="true" />
      <span role="status">{LABEL[state]}</span>
    </button>
  );
}
