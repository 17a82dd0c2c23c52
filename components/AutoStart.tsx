import { useState } from 'preact/hooks';
import { INSTALL_HINT } from '../lib/recovery/host';
import { lazyView } from './LazyView';
import type { SettingsModel } from './state/settings';

// With the helper's files in it: loaded on the first click only.
const AutoStartSetup = lazyView(() => import('./AutoStartSetup').then((m) => m.default), 'The auto-start setup');

/** Auto-start on/off, and what the native host would run (display only: it is set at install). */
export function AutoStart({ model }: { model: SettingsModel }) {
  const host = model.host.value;
  const [setup, setSetup] = useState(0);
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
      <button type="button" class="action" onClick={() => setSetup((n) => n + 1)}>
        Set up auto-start
      </button>
      {setup > 0 && <AutoStartSetup key={setup} />}
    </fieldset>
  );
}
