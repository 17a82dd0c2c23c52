import { useEffect, useRef } from 'preact/hooks';

/**
 * A view that opens (History, Settings) takes focus into its first control, so the keyboard
 * lands where the view begins; Esc or its button takes it back (useFocusMoves).
 */
export function useFocusOnOpen<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  useEffect(() => ref.current?.focus(), []);
  return ref;
}
