import { afterEach, describe, expect, it } from 'vitest';
import { focusLastMessage } from '../../components/useFocusOnOpen';

describe('focusLastMessage', () => {
  afterEach(() => document.body.replaceChildren());

  it('finds the message box by what it is, not by its (translated) name, when there is no message', () => {
    document.body.innerHTML = '<div role="log"></div><form class="composer"><textarea class="composer-input" aria-label="Nachricht"></textarea></form>';
    expect(focusLastMessage()).toBe(true);
    expect(document.activeElement?.getAttribute('aria-label')).toBe('Nachricht');
  });

  it('prefers the last message', () => {
    document.body.innerHTML =
      '<div role="log"><article tabindex="-1">a</article><article tabindex="-1" id="last">b</article></div><textarea class="composer-input"></textarea>';
    expect(focusLastMessage()).toBe(true);
    expect(document.activeElement?.id).toBe('last');
  });
});
