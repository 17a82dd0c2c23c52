/**
 * "Set up auto-start" (loaded on first click, with the helper's files): makes the installer for this
 * OS and browser, downloads it through a blob link (no `downloads` permission) and shows the one
 * command that runs it, and the ones that check and remove it.
 */
import { useEffect, useState } from 'preact/hooks';
import { PS_HELPER_FILES, SH_HELPER_FILES } from '../lib/autostart/host-files';
import { PS_INSTALLER_NAME, psInstaller, runCommand, SH_INSTALLER_NAME, shInstaller } from '../lib/autostart/installer';
import { installerPlan } from '../lib/autostart/target';
import { t } from '../lib/i18n';
import { CopyCommand } from './CopyCommand';
import { SlottedText, slot } from './SlottedText';
import { downloadText } from './download';

type Made = { command: string; fileName: string; windows: boolean } | { error: string } | null;

async function makeAndDownload(): Promise<Made> {
  const plan = await installerPlan();
  if (plan.os === null) return { error: t('auto_start_setup_unavailable') };
  if (plan.os === 'windows') {
    downloadText(PS_INSTALLER_NAME, psInstaller(plan.target, PS_HELPER_FILES), 'text/plain');
    return { command: runCommand('windows', PS_INSTALLER_NAME), fileName: PS_INSTALLER_NAME, windows: true };
  }
  downloadText(SH_INSTALLER_NAME, shInstaller(plan.target, SH_HELPER_FILES), 'text/x-shellscript');
  return { command: runCommand('posix', SH_INSTALLER_NAME), fileName: SH_INSTALLER_NAME, windows: false };
}

export default function AutoStartSetup() {
  const [made, setMade] = useState<Made>(null);
  const make = () =>
    makeAndDownload().then(setMade, (e: unknown) => setMade({ error: t('auto_start_setup_failed', e instanceof Error ? e.message : String(e)) }));
  useEffect(() => void make(), []);
  if (!made) return null;
  if ('error' in made)
    return (
      <p class="notice notice-error" role="alert">
        {made.error}
      </p>
    );
  return (
    <div class="autostart-setup" data-testid="autostart-setup">
      <p class="hint">{made.windows ? t('auto_start_setup_run_powershell', made.fileName) : t('auto_start_setup_run_terminal', made.fileName)}</p>
      <p>
        <code>{made.command}</code> <CopyCommand command={made.command} />
      </p>
      <p class="hint">
        <SlottedText
          text={t('auto_start_setup_check_remove', slot(0), slot(1))}
          parts={[<code key="d">{`${made.command} doctor`}</code>, <code key="u">{`${made.command} uninstall`}</code>]}
        />{' '}
        <button type="button" class="action" onClick={make}>
          {t('auto_start_setup_download_again')}
        </button>
      </p>
    </div>
  );
}
