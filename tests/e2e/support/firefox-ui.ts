/**
 * Firefox's own browser UI, driven from its privileged ("chrome") scope over WebDriver BiDi
 * (needs `--remote-allow-system-access`, which launchFirefox passes): the real content context
 * menu and the sidebar. A menu entry chosen here goes through Firefox's menus code exactly as a
 * user's click does: activeTab is granted, the click's tab is filled (or not) by the extension's
 * permissions, and sidebarAction.open() sees a user action.
 */
import type { Browser, Page } from 'puppeteer';

interface BidiConnection {
  send(method: string, params: object): Promise<{ result: unknown }>;
}
interface EvaluateResult {
  type: 'success' | 'exception';
  result?: { type: string; value?: unknown };
  exceptionDetails?: { text: string };
}

const connection = (browser: Browser) => (browser as unknown as { connection: BidiConnection }).connection;

/** Runs `expression` (awaited) in the browser window's chrome scope; returns a primitive result. */
export async function inChrome(browser: Browser, expression: string): Promise<unknown> {
  const bidi = connection(browser);
  const tree = (await bidi.send('browsingContext.getTree', { 'moz:scope': 'chrome' })).result as { contexts: { context: string }[] };
  const context = tree.contexts[0]?.context;
  if (!context) throw new Error('no chrome window (is --remote-allow-system-access passed?)');
  const r = (await bidi.send('script.evaluate', { expression, target: { context }, awaitPromise: true })).result as EvaluateResult;
  if (r.type === 'exception') throw new Error(`chrome scope: ${r.exceptionDetails?.text}`);
  return r.result?.value;
}

/**
 * Selects the text of `selector` in `page`, right-clicks it and chooses the extension's menu
 * entry `menuItemId` (its id in lib/selection/menus.ts), opening the extension's submenu first.
 * `select: false` right-clicks it with nothing selected: the page's own menu entries.
 */
export async function chooseFromContextMenu(browser: Browser, page: Page, selector: string, menuItemId: string, select = true): Promise<void> {
  await page.bringToFront();
  // A user's click puts the focus in the page; synthesized input does not move it out of the
  // sidebar, and the menu would then describe the selection the page had when it lost focus.
  await inChrome(browser, 'gBrowser.selectedBrowser.focus()');
  await page.evaluate(
    (sel, on) => {
      const el = document.querySelector(sel);
      if (!el) throw new Error(`no ${sel} on the page`);
      el.scrollIntoView({ block: 'start' });
      const range = document.createRange();
      range.selectNodeContents(el);
      getSelection()?.removeAllRanges();
      if (on) getSelection()?.addRange(range);
    },
    selector,
    select,
  );
  const box = await (await page.$(selector))?.boundingBox();
  if (!box) throw new Error(`${selector} is not visible`);
  await page.mouse.click(box.x + Math.min(20, box.width / 2), box.y + Math.min(10, box.height / 2), { button: 'right' });
  await inChrome(
    browser,
    `(async () => {
      // Popup events bubble from submenus: only the popup's own count.
      const on = (popup, type) => new Promise((r) => popup.addEventListener(type, function f(e) {
        if (e.target === popup) { popup.removeEventListener(type, f); r(); }
      }));
      const shown = (popup) => popup.state === 'open' || on(popup, 'popupshown');
      const menu = document.getElementById('contentAreaContextMenu');
      await shown(menu);
      const suffix = '-menuitem-_' + ${JSON.stringify(menuItemId)};
      const item = [...menu.querySelectorAll('menuitem')].find((i) => i.id.endsWith(suffix));
      if (!item) {
        const ids = [...menu.querySelectorAll('menuitem')].map((i) => i.id).filter((id) => id.includes('-menuitem-'));
        menu.hidePopup();
        throw new Error('no menu entry ' + ${JSON.stringify(menuItemId)} + ' among ' + ids.join(', '));
      }
      const popup = item.parentElement;
      // More than one entry: Firefox groups them in a submenu named after the extension.
      if (popup !== menu) {
        popup.parentElement.openMenu(true);
        await shown(popup);
      }
      // The menu closes after the command; the next right-click must open a new one.
      const hidden = on(menu, 'popuphidden');
      popup.activateItem(item);
      await hidden;
    })()`,
  );
}

const SIDEBAR_ID = `[...SidebarController.sidebars.keys()].find((k) => k.endsWith('-sidebar-action'))`;

/** Opens the extension's sidebar as the toolbar button would (a fresh panel if it was closed). */
export async function showSidebar(browser: Browser): Promise<void> {
  await inChrome(browser, `SidebarController.show(${SIDEBAR_ID})`);
}

/** Closes the sidebar (its page is unloaded: the next one is a fresh panel). */
export async function hideSidebar(browser: Browser): Promise<void> {
  await inChrome(browser, `SidebarController.isOpen && SidebarController.hide()`);
}
