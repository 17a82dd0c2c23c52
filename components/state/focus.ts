/**
 * Where keyboard focus goes when the panel changes view: back to the button that opened a view
 * when it closes, to the last message of a conversation opened from History. The App carries the
 * request out once the new view is on screen (components/useFocusMoves.ts).
 */
import { type ReadonlySignal, signal } from '@preact/signals';

export type FocusTarget = 'history' | 'settings' | 'last-message';

export interface FocusModel {
  readonly wanted: ReadonlySignal<FocusTarget | null>;
  want(target: FocusTarget): void;
  /** The request was carried out: nothing more to move. */
  done(): void;
}

export function createFocusModel(): FocusModel {
  const wanted = signal<FocusTarget | null>(null);
  return {
    wanted,
    want(target) {
      wanted.value = target;
    },
    done() {
      wanted.value = null;
    },
  };
}
