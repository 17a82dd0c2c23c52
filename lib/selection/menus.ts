/** The context-menu entries: ask about a selection, quick actions, custom prompts, open the panel. */
import { t } from '../i18n';
import { builtInActions, type QuickAction } from './prompt';

export interface MenuSpec {
  id: string;
  title: string;
  contexts: ('selection' | 'page' | 'image' | 'action' | 'browser_action')[];
  parentId?: string;
}

export const MENU = {
  ask: 'ask',
  image: 'ask-image',
  page: 'ask-page',
  open: 'open-panel',
  openFromAction: 'open-panel-action',
  customParent: 'custom',
  action: (id: string) => `action:${id}`,
  custom: (id: string) => `custom:${id}`,
} as const;

export interface CustomPrompt {
  id: string;
  title: string;
  template: string;
}

/** Chrome calls the action context 'action'; Firefox MV2 'browser_action'. */
export function buildMenus(custom: readonly CustomPrompt[], uiLanguage: string, actionContext: 'action' | 'browser_action'): MenuSpec[] {
  const specs: MenuSpec[] = [
    { id: MENU.ask, title: t('menu_ask_selection'), contexts: ['selection'] },
    ...builtInActions(uiLanguage).map((a) => ({ id: MENU.action(a.id), title: a.title, contexts: ['selection' as const] })),
  ];
  if (custom.length) {
    specs.push({ id: MENU.customParent, title: t('menu_custom_prompts'), contexts: ['selection'] });
    for (const c of custom) specs.push({ id: MENU.custom(c.id), title: c.title, contexts: ['selection'], parentId: MENU.customParent });
  }
  specs.push({ id: MENU.image, title: t('menu_ask_image'), contexts: ['image'] });
  specs.push({ id: MENU.page, title: t('menu_ask_page'), contexts: ['page'] });
  specs.push({ id: MENU.open, title: t('menu_open_panel'), contexts: ['page'] });
  specs.push({ id: MENU.openFromAction, title: t('menu_open_panel'), contexts: [actionContext] });
  return specs;
}

/** The quick action or custom prompt behind a menu id, if any. */
export function actionFor(menuId: string, custom: readonly CustomPrompt[], uiLanguage: string): QuickAction | null {
  const [kind, id] = menuId.split(/:(.*)/s);
  if (kind === 'action') return builtInActions(uiLanguage).find((a) => a.id === id) ?? null;
  if (kind === 'custom') return custom.find((c) => c.id === id) ?? null;
  return null;
}

export interface MenusApi {
  removeAll(): Promise<void>;
  create(props: MenuSpec): unknown;
}

/** Replaces all entries (ids must be unique, so a plain re-create would fail). */
export async function registerMenus(api: MenusApi, specs: readonly MenuSpec[]): Promise<void> {
  await api.removeAll();
  for (const spec of specs) api.create(spec);
}
