import type { SendKey } from '../lib/settings';

/** The panel's keyboard shortcuts (components/useShortcuts.ts, Composer.tsx); sending follows "Send with". */
export function shortcuts(sendKey: SendKey): { keys: string; what: string }[] {
  const ctrl = sendKey === 'ctrl-enter';
  return [
    { keys: 'Ctrl+Shift+Y (⌘⇧Y)', what: 'Open the panel (browser shortcut; change it in the browser’s extension shortcuts)' },
    { keys: ctrl ? 'Ctrl+Enter (⌘↩)' : 'Enter', what: 'Send' },
    { keys: ctrl ? 'Enter' : 'Shift+Enter', what: 'New line' },
    { keys: 'Esc', what: 'Close History, Models or Settings (focus goes back to its button); in the chat, stop the answer while it streams' },
    { keys: 'Shift+Esc', what: 'Back to the chat, in the message box' },
    { keys: 'Ctrl+Shift+O (⌘⇧O)', what: 'New chat' },
    { keys: 'Tab / Shift+Tab', what: 'Move between controls; a conversation opened from History puts focus on its last message' },
  ];
}

export function ShortcutsHelp({ sendKey }: { sendKey: SendKey }) {
  return (
    <section aria-label="Keyboard shortcuts">
      <h2>Keyboard shortcuts</h2>
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
