/**
 * Drives the panel page by the names users and screen readers see (DOM-level so the same
 * scenarios run over CDP in Chromium and WebDriver BiDi in Firefox).
 */
import type { Page } from 'puppeteer';

export const SEL = {
  message: 'textarea[aria-label="Message"]',
  send: 'button[type="submit"].button-send',
  stop: 'button.button-stop',
  model: 'select[aria-label="Model"]',
  status: '[role="status"]',
  log: '[role="log"]',
  alert: '.banner[role="alert"]',
  newChat: 'button[aria-label="New chat"]',
  settings: 'button[aria-label="Settings"]',
  assistant: 'article[aria-label="Assistant"]',
} as const;

export class PanelDriver {
  constructor(readonly page: Page) {}

  async waitForStatus(text: 'Connected' | 'Disconnected' | 'Checking'): Promise<void> {
    await this.page.waitForFunction((sel, t) => document.querySelector(sel)?.textContent?.includes(t), { timeout: 15_000 }, SEL.status, text);
  }

  async modelOptions(): Promise<string[]> {
    return this.page.$$eval(`${SEL.model} option`, (os) => os.map((o) => (o as HTMLOptionElement).value));
  }

  async selectedModel(): Promise<string> {
    return this.page.$eval(SEL.model, (s) => (s as HTMLSelectElement).value);
  }

  async selectModel(name: string): Promise<void> {
    await this.page.select(SEL.model, name);
  }

  async ask(text: string): Promise<void> {
    await this.page.click(SEL.message);
    await this.page.type(SEL.message, text);
    await this.page.click(SEL.send);
  }

  async assistantCount(): Promise<number> {
    return this.page.$$eval(SEL.assistant, (a) => a.length);
  }

  /** Waits until the n-th assistant message (0-based) has left "streaming"; returns its status. */
  async waitForReplyEnd(n: number, timeout = 20_000): Promise<string> {
    await this.page.waitForFunction(
      (sel, i) => {
        const a = document.querySelectorAll(sel)[i];
        return a && a.getAttribute('data-status') !== 'streaming';
      },
      { timeout },
      SEL.assistant,
      n,
    );
    return this.page.$$eval(SEL.assistant, (a, i) => a[i]?.getAttribute('data-status') ?? '', n);
  }

  /** The n-th assistant message's text as the user sees it. */
  async replyText(n: number): Promise<string> {
    return this.page.$$eval(`${SEL.assistant} > .text`, (els, i) => (els[i] as HTMLElement | undefined)?.innerText ?? '', n);
  }

  async waitForReplyText(n: number, pred: (text: string) => boolean, timeout = 15_000): Promise<string> {
    const start = Date.now();
    for (;;) {
      const t = await this.replyText(n);
      if (pred(t)) return t;
      if (Date.now() - start > timeout) throw new Error(`reply ${n} never matched; last text: ${JSON.stringify(t)}`);
      await new Promise((r) => setTimeout(r, 25));
    }
  }

  async banner(): Promise<string | null> {
    return this.page.$eval(SEL.alert, (b) => b.textContent ?? '').catch(() => null);
  }

  async waitForBanner(includes: string, timeout = 15_000): Promise<string> {
    await this.page.waitForFunction((sel, t) => document.querySelector(sel)?.textContent?.includes(t), { timeout }, SEL.alert, includes);
    return (await this.banner()) ?? '';
  }

  async draft(): Promise<string> {
    return this.page.$eval(SEL.message, (t) => (t as HTMLTextAreaElement).value);
  }
}
