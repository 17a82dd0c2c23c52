/** The Theme setting as a user changes it, and what the page shows for it. */
import type { PanelDriver } from './panel';

/** --bg in components/styles.css, as getComputedStyle reports it. */
export const LIGHT_BG = 'rgb(248, 250, 252)';
export const DARK_BG = 'rgb(15, 23, 42)';

/** Runs in the page. */
export const bodyColour = (): string => getComputedStyle(document.body).backgroundColor;

/** Opens Settings, picks the theme and saves, as a user would; the panel stays open. */
export async function saveTheme(p: PanelDriver, theme: 'system' | 'light' | 'dark'): Promise<void> {
  if (!(await p.page.$('select#theme'))) {
    await p.page.click('button[aria-label="Settings"]');
    await p.page.waitForSelector('select#theme');
  }
  await p.page.select('select#theme', theme);
  await p.page.click('::-p-aria([role="button"][name="Save"])');
  await p.page.waitForFunction((t) => document.documentElement.dataset.theme === t, {}, theme);
}
