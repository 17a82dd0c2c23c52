import { fakeBrowser } from 'wxt/testing/fake-browser';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { actionFor, buildMenus, MENU, registerMenus } from '../../../lib/selection/menus';
import { installI18n } from '../../support/i18n';

describe('context menus', () => {
  const custom = [{ id: 'c1', title: 'Fix grammar', template: 'Fix: {selection}' }];

  it('registers ask, quick actions, custom prompts and open entries', () => {
    const specs = buildMenus(custom, 'de', 'action');
    expect(specs.map((s) => [s.id, s.title, s.contexts.join(), s.parentId ?? ''])).toEqual([
      ['ask', 'Ask Ollama about “%s”', 'selection', ''],
      ['action:explain', 'Explain', 'selection', ''],
      ['action:summarize', 'Summarize', 'selection', ''],
      ['action:translate', 'Translate into German', 'selection', ''],
      ['custom', 'Custom prompts', 'selection', ''],
      ['custom:c1', 'Fix grammar', 'selection', 'custom'],
      ['ask-image', 'Ask Ollama about this image', 'image', ''],
      ['ask-page', 'Ask Ollama about this page', 'page', ''],
      ['open-panel', 'Open Ollama Chat', 'page', ''],
      ['open-panel-action', 'Open Ollama Chat', 'action', ''],
    ]);
    expect(buildMenus([], 'en', 'browser_action').some((s) => s.id === MENU.customParent)).toBe(false);
  });

  it('finds the action behind a menu id', () => {
    expect(actionFor('custom:c1', custom, 'en')?.template).toBe('Fix: {selection}');
    expect(actionFor('action:explain', custom, 'en')?.title).toBe('Explain');
    expect(actionFor('ask', custom, 'en')).toBeNull();
  });

  it('re-registering replaces everything (no duplicate-id errors)', async () => {
    const api = { removeAll: vi.fn(async () => {}), create: vi.fn() };
    await registerMenus(api, buildMenus([], 'en', 'action'));
    expect(api.removeAll).toHaveBeenCalledBefore(api.create);
    expect(api.create).toHaveBeenCalledTimes(8);
  });
});

describe('context menus in German', () => {
  afterEach(() => installI18n(fakeBrowser));

  it('titles come from the catalog; the language is named in German, the model is still asked in English', () => {
    installI18n(fakeBrowser, 'de');
    const specs = buildMenus([], 'de', 'action');
    expect(specs.map((s) => s.title)).toEqual([
      'Ollama zu „%s“ fragen',
      'Erklären',
      'Zusammenfassen',
      'Auf Deutsch übersetzen',
      'Ollama zu diesem Bild fragen',
      'Ollama zu dieser Seite fragen',
      'Ollama Chat öffnen',
      'Ollama Chat öffnen',
    ]);
    expect(actionFor('action:translate', [], 'de')?.template).toContain('into German.');
  });
});
