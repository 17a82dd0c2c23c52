/**
 * "Ask about selection": the context menu opens the panel inside the click (the user gesture
 * the browsers require) and queues the selection for it; the panel takes it when it connects.
 */
import { browser } from 'wxt/browser';
import { extractInTab } from '../page/tabs';
import { type Handoff, type HandoffQueue, handoffId, type SelectionHandoff } from '../selection/handoff';
import { actionFor, buildMenus, MENU, registerMenus } from '../selection/menus';
import { fillTemplate, takeSelection } from '../selection/prompt';
import type { Settings } from '../settings';
import { firefox, isFirefox } from './firefox';
import { pageHandoff } from './page-menu';

export interface MenuClick {
  menuItemId: string | number;
  selectionText?: string;
  /** The page's address; the browsers send it whatever the permissions (the tab's is withheld). */
  pageUrl?: string;
  /** The clicked image's address ("Ask Ollama about this image"). */
  srcUrl?: string;
}

/** The tab a click comes from; title and url are there only with activeTab (the click grants it) or host access. */
export interface ClickTab {
  id?: number;
  windowId?: number;
  title?: string;
  url?: string;
}

const uiLanguage = () => browser.i18n.getUILanguage();

/** Opens the panel; must be called before any await in a click handler. */
export function openPanel(tab: ClickTab | undefined): Promise<unknown> {
  try {
    if (isFirefox()) return firefox().sidebarAction.open();
    return browser.sidePanel.open(tab?.id !== undefined ? { tabId: tab.id } : { windowId: tab?.windowId ?? browser.windows.WINDOW_ID_CURRENT });
  } catch (e) {
    return Promise.reject(e);
  }
}

/** What a click asks for, or null for "just open the panel". */
export function handoffFor(click: MenuClick, tab: ClickTab | undefined, settings: Settings, language: string): SelectionHandoff | null {
  const id = String(click.menuItemId);
  if (!click.selectionText) return null;
  const selection = takeSelection(click.selectionText, settings.selectionLimit, tab?.title ?? '', tab?.url || click.pageUrl || '');
  const base = { id: handoffId(), createdAt: Date.now(), selection };
  if (id === MENU.ask) return { ...base, kind: 'ask' };
  const action = actionFor(id, settings.customPrompts, language);
  return action ? { ...base, kind: 'send', title: action.title, prompt: fillTemplate(action.template, selection.text) } : null;
}

export interface SelectionDeps {
  queue: HandoffQueue;
  settings(): Promise<Settings>;
  /** Tells connected panels to take the queue. */
  notify(): void;
  /** Fetches and downscales a clicked image (lib/background/image-menu.ts). */
  image?(srcUrl: string | undefined): Promise<Handoff>;
}

/** The click handler; exported so tests can call it (native menus cannot be clicked by automation). */
export function createMenuClickHandler(deps: SelectionDeps) {
  return async (click: MenuClick, tab?: ClickTab): Promise<void> => {
    const opening = openPanel(tab).catch((e: unknown) => console.warn('Could not open the panel', e));
    const id = String(click.menuItemId);
    const item =
      id === MENU.image && deps.image
        ? await deps.image(click.srcUrl)
        : id === MENU.page
          ? await pageHandoff(extractInTab, tab)
          : handoffFor(click, tab, await deps.settings(), uiLanguage());
    if (item) {
      await deps.queue.enqueue(item);
      deps.notify();
    }
    await opening;
  };
}

export async function refreshMenus(settings: Settings): Promise<void> {
  const menus = (browser as unknown as { contextMenus: Parameters<typeof registerMenus>[0] }).contextMenus;
  await registerMenus(menus, buildMenus(settings.customPrompts, uiLanguage(), isFirefox() ? 'browser_action' : 'action'));
}
