import { useEffect } from 'preact/hooks';
import type { SendKey } from '../lib/settings';
import type { Panel } from './state/panel';

/** The panel's keyboard shortcuts, as listed for users in ShortcutsHelp (sending follows "Send with"). */
export function shortcuts(sendKey: SendKey): { keys: string; what: string }[] {
  const ctrl = sendKey === 'ctrl-enter';
  return [
    { keys: 'Ctrl+Shift+Y (⌘⇧Y)', what: 'Open the panel (browser shortcut; change it in the browser’s extension shortcuts)' },
    { keys: ctrl ? 'Ctrl+Enter (⌘↩)' : 'Enter', what: 'Send' },
    { keys: ctrl ? 'Enter' : 'Shift+Enter', what: 'New line' },
    { keys: 'Esc', what: 'Close History or Settings (focus goes back to its button); in the chat, stop the answer while it streams' },
    { keys: 'Shift+Esc', what: 'Back to the chat, in the message box' },
    { keys: 'Ctrl+Shift+O (⌘⇧O)', what: 'New chat' },
    { keys: 'Tab / Shift+Tab', what: 'Move between controls; a conversation opened from History puts focus on its last message' },
  ];
}

export function useShortcuts(panel: Panel): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      // Already handled where it happened (Esc closing a conversation's actions menu).
      if (e.defaultPrevented) return;
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
      } else if (e.key === 'Escape' && panel.view.peek() !== 'chat') {
        // The view on top goes first; a reply streaming behind it is stopped from the chat.
        e.preventDefault();
        panel.close();
      } else if (e.key === 'Escape' && panel.chat.streaming.peek()) {
        e.preventDefault();
        panel.chat.stop();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [panel]);
}
