/**
 * The panel's document wherever it lives: a sidepanel.html page puppeteer drives (a tab, or
 * Chromium's real side panel), or Firefox's real sidebar, which WebDriver BiDi does not list and
 * which is reached from another extension page through `extension.getViews`. Queries are plain
 * functions of the document, sent as source, so they must use nothing from outside themselves.
 */
import type { Page } from 'puppeteer';

type DocFn<A, R> = (doc: Document, arg: A) => R;

export interface PanelView {
  run<A, R>(fn: DocFn<A, R>, arg: A): Promise<R>;
  /** Resolves once `fn` is truthy; the error names `what`. */
  waitFor<A>(what: string, fn: DocFn<A, unknown>, arg: A, timeout?: number): Promise<void>;
}

const call = (fn: DocFn<never, unknown>, doc: string, arg: unknown) => `(${fn.toString()})(${doc}, ${JSON.stringify(arg ?? null)})`;

function view(evaluate: (expression: string) => Promise<unknown>, doc: string): PanelView {
  const run = <A, R>(fn: DocFn<A, R>, arg: A) => evaluate(call(fn as DocFn<never, unknown>, doc, arg)) as Promise<R>;
  // Only a boolean crosses back: an element found cannot be sent over BiDi.
  const truthy = <A>(fn: DocFn<A, unknown>, arg: A) => evaluate(`!!${call(fn as DocFn<never, unknown>, doc, arg)}`);
  return {
    run,
    async waitFor(what, fn, arg, timeout = 15_000) {
      // Polled from here: Firefox throttles timers and frames in a background tab (the probe).
      const deadline = Date.now() + timeout;
      let last: unknown;
      for (;;) {
        try {
          if (await truthy(fn, arg)) return;
        } catch (e) {
          last = e;
        }
        if (Date.now() > deadline) throw new Error(`panel: timed out waiting for ${what}${last ? ` (${last})` : ''}`);
        await new Promise((r) => setTimeout(r, 50));
      }
    },
  };
}

/** A sidepanel.html page puppeteer drives. */
export const pageView = (page: Page): PanelView => view((e) => page.evaluate(e), 'document');

/** Firefox's sidebar, seen from `probe` (an extension page of the same extension). */
export const sidebarView = (probe: Page): PanelView =>
  view(
    (e) => probe.evaluate(e),
    `(() => {
      const w = browser.extension.getViews({ type: 'sidebar' })[0];
      if (!w || !w.document.querySelector('textarea[aria-label="Message"]')) throw new Error('the sidebar panel is not open');
      return w.document;
    })()`,
  );

// Queries both kinds of view share (self-contained: see above).
export const Q = {
  status: (d: Document) => d.querySelector('[role="status"]')?.textContent ?? '',
  banner: (d: Document) => d.querySelector('.banner[role="alert"]')?.textContent ?? null,
  draft: (d: Document) => (d.querySelector('textarea[aria-label="Message"]') as HTMLTextAreaElement | null)?.value ?? null,
  assistants: (d: Document) => d.querySelectorAll('article[aria-label="Assistant"]').length,
  /** The n-th reply's data-status ("streaming", "done", …), or null before it exists. */
  reply: (d: Document, n: number) => d.querySelectorAll('article[aria-label="Assistant"]')[n]?.getAttribute('data-status') ?? null,
  replyText: (d: Document, n: number) => d.querySelectorAll('article[aria-label="Assistant"] > .text')[n]?.textContent ?? '',
  contexts: (d: Document) => [...d.querySelectorAll('.composer .context-text')].map((e) => e.textContent ?? ''),
  /** What the quoted selection's caption names: the shown text and its tooltip (the address). */
  source: (d: Document) => {
    const s = d.querySelector('.composer .context-source > span[title]');
    return s ? { text: s.textContent ?? '', title: s.getAttribute('title') ?? '' } : null;
  },
  note: (d: Document) => d.querySelector('.composer .context-note')?.textContent ?? null,
  messageBoxFocused: (d: Document) => d.activeElement?.getAttribute('aria-label') === 'Message',
  /** Types `text` into the message box and presses Ctrl+Enter, as the composer's handlers see it. */
  send: (d: Document, text: string) => {
    const box = d.querySelector('textarea[aria-label="Message"]') as HTMLTextAreaElement;
    const win = d.defaultView as Window & typeof globalThis;
    box.value = text;
    box.dispatchEvent(new win.Event('input', { bubbles: true }));
    box.dispatchEvent(new win.KeyboardEvent('keydown', { key: 'Enter', ctrlKey: true, bubbles: true, cancelable: true }));
  },
};
