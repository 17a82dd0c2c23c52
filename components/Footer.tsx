import type { ConnectionModel } from './state/connection';

export function Footer({ connection }: { connection: ConnectionModel }) {
  return (
    <footer class="footer">
      Powered by Ollama • Model: {connection.selected.value ?? 'none'}
    </footer>
  );
}
