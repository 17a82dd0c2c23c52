import type { RefObject } from 'preact';
import { useEffect } from 'preact/hooks';
import type { Panel } from './state/panel';

const OPENER = { history: 'History', settings: 'Settings' } as const;

/**
 * Carries out the panel's focus requests once the new view is on screen. Called from App: its
 * effect runs after its children's, so it wins over the message box focusing itself on mount.
 */
export function useFocusMoves(panel: Panel, root: RefObject<HTMLElement | null>): void {
  const wanted = panel.focus.wanted.value;
  const view = panel.view.value;
  useEffect(() => {
    const el = root.current;
    if (!wanted || !el || view !== 'chat') return;
    panel.focus.done();
    if (wanted !== 'last-message') {
      el.querySelector<HTMLElement>(`.header button[aria-label="${OPENER[wanted]}"]`)?.focus();
      return;
    }
    const last = el.querySelector<HTMLElement>('[role="log"] > article:last-of-type');
    if (last) last.focus();
    else panel.inbox.requestFocus();
  }, [wanted, view, panel, root]);
}
