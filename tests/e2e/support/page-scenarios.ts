/**
 * "Chat with this page" in Chromium and Firefox: the real panel beside a real tab. The article's
 * text reaches the model and its navigation, ads and footer do not; switching tabs replaces the
 * chip; a browser page removes it and says why.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type Simulator, startSimulator } from '../../sim/server.mjs';
import type { PageBrowser } from './page-browser';
import { ARTICLE_MARKER, ARTICLE_TITLE, FRAME_MARKERS, type PageServer, SECOND_MARKER, SECOND_TITLE, startPageServer } from './page-server';
import { type PanelView, Q } from './panel-view';

const MODELS = [{ name: 'llama3.2:latest', family: 'llama', parameterSize: '3.2B' }];

// Self-contained document queries (see panel-view.ts).
const pageChips = (d: Document) =>
  [...d.querySelectorAll('.composer .context-page')].map((c) => ({
    title: c.querySelector('.context-source > span[title]')?.textContent ?? '',
    size: c.querySelector('.context-size')?.textContent ?? '',
  }));
const pressed = (d: Document) => [...d.querySelectorAll('button')].find((b) => b.textContent === 'Chat with this page')?.getAttribute('aria-pressed') ?? null;
const notice = (d: Document) => d.querySelector('.page-notice')?.textContent ?? '';
const chipTitled = (d: Document, title: string) =>
  [...d.querySelectorAll('.composer .context-page .context-source > span[title]')].some((s) => s.textContent === title);

export function pageScenarios(setup: () => Promise<PageBrowser>): void {
  let b: PageBrowser;
  let sim: Simulator;
  let pages: PageServer;
  let p: PanelView;
  const lastUserMessage = () => {
    const body = sim.requests.filter((r) => r.path === '/api/chat').at(-1)?.body as { messages: { content: string }[] } | undefined;
    return body?.messages.at(-1)?.content ?? '';
  };

  beforeAll(async () => {
    [pages, sim, b] = await Promise.all([startPageServer(), startSimulator({ tokensPerSecond: 400, replyTokens: 10, models: MODELS }), setup()]);
    p = await b.openPanelOn({ baseUrl: sim.url, defaultModel: 'llama3.2' }, pages.articleUrl);
    await p.waitFor('"Connected"', (d) => d.querySelector('[role="status"]')?.textContent === 'Connected', null);
  });
  afterAll(async () => {
    await b?.host.close();
    await Promise.all([sim?.close(), pages?.close()]);
  });

  it('attaches the page as a chip and sends its article, not its navigation, ads or footer', async () => {
    expect(await p.run(pressed, null)).toBe('false');
    await b.clickToggle();
    await p.waitFor('the page chip', chipTitled, ARTICLE_TITLE);
    expect(await p.run(pressed, null)).toBe('true');
    expect((await p.run(pageChips, null))[0]?.size).toMatch(/^≈\d[\d,]* tokens \(estimate\) of \d[\d,]*$/);
    await p.run((d) => (d.querySelector('.composer .context-preview') as HTMLDetailsElement).setAttribute('open', ''), null);
    await p.waitFor('the preview', (d) => d.querySelector('.composer .context-preview-text'), null);
    const preview = await p.run((d) => d.querySelector('.composer .context-preview-text')?.textContent ?? '', null);
    expect(preview).toContain(ARTICLE_MARKER);
    expect(preview).toContain('| Hill farm | 12 |');

    await p.run(Q.send, 'What do llamas do when content?');
    await p.waitFor('the reply', (d) => d.querySelector('article[aria-label="Assistant"]')?.getAttribute('data-status') === 'done', null);
    const sent = lastUserMessage();
    expect(sent).toContain(ARTICLE_MARKER);
    expect(sent).toContain('## Feeding');
    expect(sent.endsWith('What do llamas do when content?')).toBe(true);
    for (const word of FRAME_MARKERS) expect(sent).not.toContain(word);
    // Sent with the question: the chip is gone and the toggle with it.
    expect(await p.run(pageChips, null)).toEqual([]);
    expect(await p.run(pressed, null)).toBe('false');
  });

  it('follows the active tab: a switch or a load replaces the chip, a browser page removes it and says why, coming back restores it', async () => {
    await b.clickToggle();
    await p.waitFor('the article chip', chipTitled, ARTICLE_TITLE);
    await b.switchTo(pages.secondUrl);
    await p.waitFor('the second page’s chip', chipTitled, SECOND_TITLE);
    expect((await p.run(pageChips, null)).map((c) => c.title)).toEqual([SECOND_TITLE]);
    await p.run((d) => (d.querySelector('.composer .context-preview') as HTMLDetailsElement).setAttribute('open', ''), null);
    await p.waitFor('the preview', (d, m) => d.querySelector('.composer .context-preview-text')?.textContent?.includes(m), SECOND_MARKER);

    await b.switchTo(b.restrictedUrl);
    await p.waitFor(
      'the chip to go, with the reason',
      (d) =>
        !d.querySelector('.composer .context-page') &&
        /browser page.*browsers do not let extensions read it/.test(d.querySelector('.page-notice')?.textContent ?? ''),
      null,
    );
    expect(await p.run(pressed, null)).toBe('true');

    await b.switchTo(pages.secondUrl);
    await p.waitFor('the chip back', chipTitled, SECOND_TITLE);
    expect(await p.run(notice, null)).not.toMatch(/browser page/);

    // A load in the followed tab replaces the chip too.
    await b.navigate(pages.secondUrl, pages.articleLocalUrl);
    await p.waitFor('the chip of the page the tab went to', chipTitled, ARTICLE_TITLE);
    expect((await p.run(pageChips, null)).map((c) => c.title)).toEqual([ARTICLE_TITLE]);
  });

  it('"Ask Ollama about this page" on the page\'s menu attaches that page in the open panel', async () => {
    if ((await p.run(pressed, null)) === 'true') await b.clickToggle();
    await p.waitFor('no page chip', (d) => !d.querySelector('.composer .context-page'), null);
    await b.askAboutPage(pages.articleUrl);
    await p.waitFor('the article chip', chipTitled, ARTICLE_TITLE);
    // A chip of its own: the toggle stays off and nothing follows the tab.
    expect(await p.run(pressed, null)).toBe('false');
    await p.run(Q.send, 'Summarize it.');
    await p.waitFor(
      'the reply',
      (d) =>
        [...d.querySelectorAll('article[aria-label="Assistant"]')].at(-1)?.getAttribute('data-status') === 'done' &&
        d.querySelectorAll('article[aria-label="Assistant"]').length >= 2,
      null,
    );
    const sent = lastUserMessage();
    expect(sent).toContain(ARTICLE_MARKER);
    for (const word of FRAME_MARKERS) expect(sent).not.toContain(word);
  });
}
