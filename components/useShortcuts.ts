import { useEffect } from 'preact/hooks';
import type { Panel } from './state/panel';

/** The panel's keyboard shortcuts; listed for users in ShortcutsHelp. */
export const SHORTCUTS: { keys: string; what: string }[] = [
  { keys: 'Ctrl+Shift+Y (⌘⇧Y)', what: 'Open the panel (browser shortcut; change it in the browser’s extension shortcuts)' },
  { keys: 'Enter', what: 'Send' },
  { keys: 'Shift+Enter', what: 'New line' },
  { keys: 'Esc', what: 'Stop the answer while it streams' },
  { keys: 'Shift+Esc', what: 'Focus the message box' },
  { keys: 'Ctrl+Shift+O (⌘⇧O)', what: 'New chat' },
];

export function useShortcuts(panel: Panel): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const mod = e.ctrlKey || e.metaKey;
      if (mod && e.shiftKey && e.key.toLowerCase() === 'o') {
        e.preventDefault();
        panel.chat.newChat();
        panel.show('chat');
        panel.inbox.requestFocus();
      } else if (e.key === 'Escape' && e.shiftKey) {
        e.preventDefault();
        panel.show('chat');
        panel.inbox.requestFocus();
      } else if (e.key === 'Escape' && panel.chat.streaming.peek()) {
        e.preventDefault();
        panel.chat.stop();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [panel]);
}
