/** A "Copy command" button that says "Copied" (or "Copy failed") for a moment after a click. */
import { useEffect, useState } from 'preact/hooks';
import { t } from '../lib/i18n';
import { COPIED_MS, copyText } from './markdown/clipboard';

export function CopyCommand({ command }: { command: string }) {
  const [said, setSaid] = useState<string | null>(null);
  useEffect(() => {
    if (!said) return;
    // A confirmation, not state: it only has to stay long enough to be seen.
    const timer = setTimeout(() => setSaid(null), COPIED_MS);
    return () => clearTimeout(timer);
  }, [said]);
  return (
    <button
      type="button"
      class="action"
      title={command}
      aria-live="polite"
      onClick={async () => setSaid((await copyText(command)) ? t('copy_command_copied') : t('copy_command_failed'))}
    >
      {said ?? t('copy_command_copy')}
    </button>
  );
}
