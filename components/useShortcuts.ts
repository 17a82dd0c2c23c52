import { useEffect } from 'preact/hooks';
import type { Panel } from './state/panel';

/** The panel's keyboard shortcuts; listed for users in ShortcutsHelp (keep the two in step). */
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
        panel.show('chat');
      } else if (e.key === 'Escape' && panel.chat.streaming.peek()) {
        e.preventDefault();
        panel.chat.stop();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [panel]);
}
