import { useEffect, useRef } from 'preact/hooks';
import { t } from '../lib/i18n';

// The header's buttons are found by their names, which are in the user's language.
const OPENER = {
  History: 'header_history',
  Settings: 'header_settings',
  'System prompt': 'header_system_prompt',
  Models: 'header_models',
} as const;

/**
 * Focus for a view that opens over the chat (History, Settings): it opens with focus in its first
 * control, and when it closes with focus inside it (Esc, Back to chat, its button again) focus
 * goes back to the header button that opened it. Lives with the views, loaded when they first open,
 * not with the panel (bench 6). `leaving(true)`: focus is being put somewhere else on purpose.
 */
export function useFocusOnOpen<T extends HTMLElement, R extends HTMLElement = HTMLElement>(opener: keyof typeof OPENER) {
  const first = useRef<T>(null);
  const root = useRef<R>(null);
  const elsewhere = useRef(false);
  useEffect(() => {
    first.current?.focus();
    const view = root.current;
    // Runs before the view leaves the page, so where focus is can still be seen.
    return () => {
      const active = view?.ownerDocument.activeElement;
      if (elsewhere.current || !view || (active && active !== view.ownerDocument.body && !view.contains(active))) return;
      view.ownerDocument.querySelector<HTMLElement>(`.header button[aria-label="${t(OPENER[opener])}"]`)?.focus();
    };
  }, [opener]);
  const leaving = (yes: boolean) => {
    elsewhere.current = yes;
  };
  return { first, root, leaving };
}

/**
 * A conversation opened from History: focus on its last message (focusable by script only), or
 * the message box when it has none. False when the chat is not on screen (the opening failed).
 */
export function focusLastMessage(doc: Document = document): boolean {
  const target = doc.querySelector<HTMLElement>('[role="log"] > article:last-of-type') ?? doc.querySelector<HTMLElement>('textarea.composer-input');
  target?.focus();
  return target !== null;
}
