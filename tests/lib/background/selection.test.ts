import { describe, expect, it } from 'vitest';
import { handoffFor } from '../../../lib/background/selection';
import { DEFAULT_SETTINGS } from '../../../lib/settings';

const click = { menuItemId: 'ask', selectionText: '  Llamas hum.  ', pageUrl: 'https://example.com/llamas' };

describe('what a menu click hands over', () => {
  it("quotes the page by the title and address of the click's tab (there with activeTab)", () => {
    const h = handoffFor(click, { id: 3, title: 'Llamas', url: 'https://example.com/llamas#top' }, DEFAULT_SETTINGS, 'en');
    expect(h?.kind).toBe('ask');
    expect(h?.selection).toMatchObject({ text: 'Llamas hum.', pageTitle: 'Llamas', pageUrl: 'https://example.com/llamas#top' });
  });

  it("falls back to the click's pageUrl when the tab comes without its address", () => {
    const h = handoffFor(click, { id: 3 }, DEFAULT_SETTINGS, 'en');
    expect(h?.selection).toMatchObject({ pageTitle: '', pageUrl: 'https://example.com/llamas' });
  });

  it("builds a quick action's prompt from its template", () => {
    const h = handoffFor({ ...click, menuItemId: 'action:summarize' }, undefined, DEFAULT_SETTINGS, 'en');
    expect(h).toMatchObject({ kind: 'send', title: 'Summarize', prompt: 'Summarize the following text in a few bullet points:\n\nLlamas hum.' });
  });

  it('hands over nothing without a selection (the "open the panel" entries)', () => {
    expect(handoffFor({ menuItemId: 'open-panel' }, undefined, DEFAULT_SETTINGS, 'en')).toBeNull();
  });
});
