/**
 * The real panel beside a real tab, for "Screenshot", with the Screenshot button clicked by real
 * input (permissions.request counts only a user's gesture), in each browser:
 * - Chromium: its permission prompt cannot be answered by automation and leaves the request
 *   pending, so this runs a copy of the e2e build whose manifest grants `<all_urls>` at install:
 *   the click's request then resolves true at once, as after the user allowed it. Only this test
 *   runs the copy; the other e2e tests keep a build without the grant.
 * - Firefox: the e2e build as it is, with its real permission prompt, answered in the browser's
 *   own UI (the doorhanger's buttons), so both "Allow" and "Don't allow" are the real thing.
 * The tab is larger than 1568 px (MAX_SIDE) so that the screenshot has to be downscaled.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'puppeteer';
import { CHROME_BUILD, launchChromium } from './chromium';
import { launchFirefox } from './firefox';
import { inChrome, showSidebar } from './firefox-ui';
import { type ExtensionHost, type PanelSettings, writeStorage } from './host';
import { type PanelView, pageView, sidebarView } from './panel-view';

const SCREENSHOT = '::-p-aria([role="button"][name="Screenshot"])';

export interface ShotBrowser {
  readonly host: ExtensionHost;
  /** Writes settings, opens `url` in a large tab and the real panel beside it. */
  openPanelOn(settings: PanelSettings, url: string): Promise<PanelView>;
  /** The tab showing the page (to measure it and to decode images in). */
  tab(): Page;
  /** Clicks "Screenshot" with real input. */
  clickScreenshot(): Promise<void>;
  /** Makes a new tab showing `url` the active one (a browser page too: not waited for). */
  switchTo(url: string): Promise<void>;
  /** Answers the browser's permission prompt; absent where the grant was given at install. */
  answerPrompt?(allow: boolean): Promise<void>;
}

/** A copy of the Chromium e2e build whose manifest grants `<all_urls>` at install; removed on close. */
function chromeBuildWithAllUrls(): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'ollama-chat-all-urls-'));
  cpSync(CHROME_BUILD, dir, { recursive: true });
  const file = join(dir, 'manifest.json');
  const manifest = JSON.parse(readFileSync(file, 'utf8')) as { host_permissions: string[] };
  manifest.host_permissions.push('<all_urls>');
  writeFileSync(file, JSON.stringify(manifest));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export async function chromiumShot(): Promise<ShotBrowser> {
  const build = chromeBuildWithAllUrls();
  const s = await launchChromium(build.dir).catch((e: unknown) => {
    build.remove();
    throw e;
  });
  const cr = s.browser();
  let panel: Page | null = null;
  let tab: Page | null = null;
  return {
    host: { ...s, close: () => s.close().finally(build.remove) },
    async openPanelOn(settings, url) {
      const setup = await s.openPanel();
      await writeStorage(setup, settings, null);
      await setup.close();
      tab = await cr.newPage();
      // The window's own size, not puppeteer's emulated 800×600: a capture is of the real window.
      await tab.setViewport(null);
      const cdp = await tab.createCDPSession();
      const { windowId } = (await cdp.send('Browser.getWindowForTarget')) as { windowId: number };
      await cdp.send('Browser.setWindowBounds', { windowId, bounds: { width: 2200, height: 1100 } });
      await cdp.detach();
      await tab.goto(url);
      const fullWidth = await tab.evaluate(() => innerWidth);
      const browserCdp = await cr.target().createCDPSession();
      try {
        const { targetInfos } = (await browserCdp.send('Target.getTargets', { filter: [{}] } as never)) as {
          targetInfos: { targetId: string; type: string; url: string }[];
        };
        const target = targetInfos.find((t) => t.type === 'tab' && t.url === url);
        if (!target) throw new Error(`no tab target for ${url}`);
        // The toolbar action opens the real side panel beside the tab.
        await browserCdp.send('Extensions.triggerAction' as never, { id: s.extensionId, targetId: target.targetId } as never);
      } finally {
        await browserCdp.detach();
      }
      panel = await (await cr.waitForTarget((t) => t.url().endsWith('/sidepanel.html'), { timeout: 10_000 })).asPage();
      await panel.waitForSelector('textarea[aria-label="Message"]');
      // The panel takes its width from the tab: measured before that, the tab would seem wider than it is.
      await tab.waitForFunction((w) => innerWidth < w, { timeout: 10_000 }, fullWidth);
      return pageView(panel);
    },
    tab() {
      if (!tab) throw new Error('no tab open');
      return tab;
    },
    async clickScreenshot() {
      if (!panel) throw new Error('no panel open');
      await panel.click(SCREENSHOT);
    },
    async switchTo(url) {
      const page = await cr.newPage();
      await page.goto(url).catch(() => {});
      await page.bringToFront();
    },
  };
}

export async function firefoxShot(): Promise<ShotBrowser> {
  const host = await launchFirefox();
  const ff = host.browser();
  const probe = await host.openProbe();
  const sidebar = sidebarView(probe);
  let tab: Page | null = null;
  return {
    host,
    async openPanelOn(settings, url) {
      await writeStorage(probe, settings, null);
      tab = await ff.newPage();
      await tab.setViewport({ width: 1800, height: 900 });
      await tab.goto(url);
      await tab.bringToFront();
      await showSidebar(ff);
      return sidebar;
    },
    tab() {
      if (!tab) throw new Error('no tab open');
      return tab;
    },
    async clickScreenshot() {
      // Where the button is in the sidebar's document, then where that document is in the window.
      const at = await sidebar.run((d) => {
        const b = [...d.querySelectorAll('button')].find((x) => x.textContent?.trim() === 'Screenshot');
        if (!b) throw new Error('no "Screenshot" button');
        b.scrollIntoView({ block: 'center' });
        const r = b.getBoundingClientRect();
        return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
      }, null);
      // A native click (the headless widget's own input path): a click the page sees as the user's.
      await inChrome(
        ff,
        `(() => {
          const outer = SidebarController.browser;
          const inner = outer.contentDocument.getElementById('webext-panels-browser');
          const a = outer.getBoundingClientRect();
          const b = inner.getBoundingClientRect();
          const x = window.mozInnerScreenX + a.x + b.x + ${at.x};
          const y = window.mozInnerScreenY + a.y + b.y + ${at.y};
          const u = window.windowUtils;
          const root = document.documentElement;
          u.sendNativeMouseEvent(x, y, u.NATIVE_MOUSE_MESSAGE_MOVE, 0, 0, root, null);
          u.sendNativeMouseEvent(x, y, u.NATIVE_MOUSE_MESSAGE_BUTTON_DOWN, 0, 0, root, null);
          u.sendNativeMouseEvent(x, y, u.NATIVE_MOUSE_MESSAGE_BUTTON_UP, 0, 0, root, null);
        })()`,
      );
    },
    async switchTo(url) {
      const page = await ff.newPage();
      // Firefox never reports a browser page's load over BiDi; the scenario waits for what the panel shows.
      void page.goto(url).catch(() => {});
      await page.bringToFront();
    },
    async answerPrompt(allow) {
      await inChrome(
        ff,
        `(async () => {
          for (let i = 0; i < 150; i++) {
            const n = PopupNotifications.getNotification('addon-webext-permissions');
            const el = document.getElementById('addon-webext-permissions-notification');
            if (n && el && PopupNotifications.panel.state === 'open') {
              (${allow} ? el.button : el.secondaryButton).click();
              return;
            }
            await new Promise((r) => setTimeout(r, 100));
          }
          throw new Error('no permission prompt (or it never opened)');
        })()`,
      );
    },
  };
}
