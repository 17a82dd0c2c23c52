import { afterEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import type { ClickTab, MenuClick } from '../../../lib/background/selection';
import { installTestHook, type TestHook } from '../../../lib/background/test-hook';

const hook = () => (globalThis as { ollamaChatTest?: TestHook }).ollamaChatTest;

describe("the e2e build's click hook", () => {
  afterEach(() => {
    delete (globalThis as { ollamaChatTest?: TestHook }).ollamaChatTest;
  });

  it('hands the handler the tab as the tabs API shows it to this extension, read by id', async () => {
    // What the browser reveals of a tab this extension has no grant for: no title, no address.
    const tab = { id: 7, index: 0, highlighted: false, active: true, pinned: false, incognito: false };
    const get = vi.spyOn(browser.tabs, 'get').mockResolvedValue(tab as never);
    const onMenuClick = vi.fn(async (_click: MenuClick, _tab?: ClickTab) => {});
    installTestHook(onMenuClick);
    await hook()?.onMenuClick({ menuItemId: 'ask', selectionText: 'x', pageUrl: 'https://example.com/' }, 7);
    expect(get).toHaveBeenCalledWith(7);
    expect(onMenuClick).toHaveBeenCalledWith({ menuItemId: 'ask', selectionText: 'x', pageUrl: 'https://example.com/' }, expect.objectContaining({ id: 7 }));
    expect(onMenuClick.mock.calls[0]?.[1]).not.toHaveProperty('title');
  });

  it('passes no tab when none is named', async () => {
    const onMenuClick = vi.fn(async (_click: MenuClick, _tab?: ClickTab) => {});
    installTestHook(onMenuClick);
    await hook()?.onMenuClick({ menuItemId: 'open-panel' });
    expect(onMenuClick).toHaveBeenCalledWith({ menuItemId: 'open-panel' }, undefined);
  });
});
