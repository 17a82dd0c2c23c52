import { t } from '../lib/i18n';
import type { SendKey } from '../lib/settings';

/** The panel's keyboard shortcuts (components/useShortcuts.ts, Composer.tsx); sending follows "Send with". */
export function shortcuts(sendKey: SendKey): { keys: string; what: string }[] {
  const ctrl = sendKey === 'ctrl-enter';
  return [
    { keys: 'Ctrl+Shift+Y (⌘⇧Y)', what: t('shortcuts_help_open') },
    { keys: ctrl ? 'Ctrl+Enter (⌘↩)' : 'Enter', what: t('shortcuts_help_send') },
    { keys: ctrl ? 'Enter' : 'Shift+Enter', what: t('shortcuts_help_new_line') },
    { keys: 'Esc', what: t('shortcuts_help_escape') },
    { keys: 'Shift+Esc', what: t('shortcuts_help_back') },
    { keys: 'Ctrl+Shift+O (⌘⇧O)', what: t('shortcuts_help_new_chat') },
    { keys: 'Tab / Shift+Tab', what: t('shortcuts_help_tab') },
  ];
}

export function ShortcutsHelp({ sendKey }: { sendKey: SendKey }) {
  return (
    <section aria-label={t('shortcuts_help_label')}>
      <h2>{t('shortcuts_help_heading')}</h2>
      <table class="shortcuts">
        <tbody>
          {shortcuts(sendKey).map((s) => (
            <tr key={s.what}>
              <td>{s.keys}</td>
              <td>{s.what}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
