import { useState } from 'preact/hooks';
import { t } from '../lib/i18n';
import { INSTALL_HINT } from '../lib/recovery/host';
import { lazyView } from './LazyView';
import type { HostInfo, SettingsModel } from './state/settings';

// With the helper's files in it: loaded on the first click only.
const AutoStartSetup = lazyView(() => import('./AutoStartSetup').then((m) => m.default), 'The auto-start setup');

/** What the helper check found, as one sentence (or two, with the install hint). */
function helperStatus(host: HostInfo | null): string {
  if (host === null) return t('auto_start_checking');
  if (!host.installed) return `${t('auto_start_not_installed')} ${INSTALL_HINT}`;
  if (host.command) return host.url ? t('auto_start_runs_for', host.command, host.url) : t('auto_start_runs', host.command);
  return host.error ? t('auto_start_no_command_error', host.error) : t('auto_start_no_command');
}

/** Auto-start on/off, and what the native host would run (display only: it is set at install). */
export function AutoStart({ model }: { model: SettingsModel }) {
  const [setup, setSetup] = useState(0);
  return (
    <fieldset class="field">
      <legend>{t('auto_start_legend')}</legend>
      <label class="check">
        <input type="checkbox" checked={model.autoStart.value} onChange={(e) => model.setAutoStart(e.currentTarget.checked)} />
        {t('auto_start_enable')}
      </label>
      <p class="hint" data-testid="helper-status">
        {helperStatus(model.host.value)}
      </p>
      <button type="button" class="action" onClick={() => setSetup((n) => n + 1)}>
        {t('auto_start_set_up')}
      </button>
      {setup > 0 && <AutoStartSetup key={setup} />}
    </fieldset>
  );
}
