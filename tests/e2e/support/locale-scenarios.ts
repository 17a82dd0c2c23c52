/**
 * The panel in another language, in a real browser: the browser's UI language picks the
 * messages (public/_locales) and the formats (Intl). Expected texts come from the locale files by
 * their English text, so a reworded translation does not break the test but a text left in
 * English does.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startSimulator } from '../../sim/server.mjs';
import { readLocale } from '../../support/i18n';
import { type ExtensionHost, writeStorage } from './host';

const english = readLocale('en');

/** `lang`'s translation of the message whose English text is `text` (the first with that text). */
export function translated(lang: string, text: string): string {
  const key = Object.keys(english).find((k) => english[k]?.message === text);
  const message = key && readLocale(lang)[key]?.message;
  if (!message) throw new Error(`no ${lang} message for the English text ${JSON.stringify(text)}`);
  return message;
}

export function localeScenarios(launch: () => Promise<ExtensionHost>, lang: string, intlTag: string): void {
  let host: ExtensionHost;
  let sim: Awaited<ReturnType<typeof startSimulator>>;
  beforeAll(async () => {
    [host, sim] = await Promise.all([launch(), startSimulator()]);
  });
  afterAll(async () => {
    await host?.close();
    await sim?.close();
  });

  it(`shows the panel in ${lang}: names, status, language tag`, async () => {
    const setup = await host.openPanel();
    await writeStorage(setup, { baseUrl: sim.url }, 'llama3.2:latest');
    await setup.close();
    const page = await host.openPanel();
    const box = await page.waitForSelector(`textarea[aria-label="${translated(lang, 'Message')}"]`);
    expect(box).toBeTruthy();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe(intlTag);
    for (const name of ['New chat', 'History', 'Models', 'Settings', 'System prompt']) {
      expect(await page.$(`button[aria-label="${translated(lang, name)}"]`), name).not.toBeNull();
    }
    const connected = translated(lang, 'Connected');
    await page.waitForFunction((t) => document.querySelector('[role="status"]')?.textContent?.includes(t), { timeout: 15_000 }, connected);
    await page.close();
  });

  it(`answers, and writes the reply's numbers and History's times the ${lang} way`, async () => {
    const page = await host.openPanel();
    await page.waitForSelector('textarea.composer-input');
    await page.type('textarea.composer-input', 'Hallo');
    await page.click('button.button-send');
    const footer = await page.waitForSelector('[role="log"] > article:last-of-type[data-status="done"] .reply-footer', { timeout: 20_000 });
    const text = (await footer?.evaluate((f) => f.firstChild?.textContent)) ?? '';
    // The speed and time have one decimal: written with this language's separator, in its words.
    const decimal = new Intl.NumberFormat(intlTag).format(1.5).replace(/\d/g, '');
    expect(text).toMatch(new RegExp(`\\d\\${decimal}\\d`));
    expect(text).toContain(translated(lang, '$RATE$ tok/s').replace('$RATE$', '').trim());

    await page.click(`button[aria-label="${translated(lang, 'History')}"]`);
    const meta = await page.waitForSelector('.history-item .history-meta');
    const justNow = new Intl.RelativeTimeFormat(intlTag, { numeric: 'auto' }).format(0, 'minute');
    expect(await meta?.evaluate((m) => m.textContent)).toContain(justNow);
    await page.close();
  });

  it(`explains an unreachable Ollama in ${lang}: status and banner from the background's catalog`, async () => {
    const setup = await host.openPanel();
    // Port 9 (discard) on 127.0.0.1: nothing listens, so the connection is refused.
    await writeStorage(setup, { baseUrl: 'http://127.0.0.1:9' }, 'llama3.2:latest');
    await setup.close();
    const page = await host.openPanel();
    const down = translated(lang, 'Disconnected');
    await page.waitForFunction((t) => document.querySelector('[role="status"]')?.textContent?.includes(t), { timeout: 15_000 }, down);
    // The banner's words come from the errors the background composes; the URL goes where the language puts it.
    const refused = readLocale(lang).errors_refused?.message ?? '';
    const longest =
      refused
        .split('$URL$')
        .sort((a, b) => b.length - a.length)[0]
        ?.trim() ?? '';
    expect(longest.length).toBeGreaterThan(10);
    await page.waitForFunction((t) => document.querySelector('.banner[role="alert"]')?.textContent?.includes(t), { timeout: 15_000 }, longest);
    await page.close();
  });
}
