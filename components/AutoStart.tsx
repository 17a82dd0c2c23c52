import { INSTALL_HINT } from '../lib/recovery/host';
import type { SettingsModel } from './state/settings';

/** Auto-start on/off, and what the native host would run (display only: it is set at install). */
export function AutoStart({ model }: { model: SettingsModel }) {
  const host = model.host.value;
  return (
    <fieldset class="field">
      <legend>Starting Ollama</legend>
      <label class="check">
        <input type="checkbox" checked={model.autoStart.value} onChange={(e) => model.setAutoStart(e.currentTarget.checked)} />
        Start Ollama when it is not running
      </label>
      <p class="hint" data-testid="helper-status">
        {host === null && 'Checking the helper…'}
        {host && !host.installed && `Helper not installed. ${INSTALL_HINT}`}
        {host?.installed && host.command && `Helper installed; it runs: ${host.command}${host.url ? ` (for ${host.url})` : ''}`}
        {host?.installed &&
          !host.command &&
          `Helper installed, but no start command is set${host.error ? `: ${host.error}` : ''}. Re-run the install with --start-command.`}
      </p>
    </fieldset>
  );
}
