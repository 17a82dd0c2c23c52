/**
 * Markdown replies in real Chromium: rendered while streaming, highlighted, copyable, and inert:
 * hostile output runs nothing and loads nothing (the simulator's request log is the witness).
 */
import type { Page } from 'puppeteer';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type Simulator, startSimulator } from '../sim/server.mjs';
import { CODE, inertProblems, markdownReply } from '../components/markdown/support/in-page';
import { xssCorpus } from '../components/markdown/support/xss-corpus';
import { type ChromiumSession, launchChromium } from './support/chromium';
import { openConfiguredPanel } from './support/host';
import { type PanelDriver, SEL } from './support/panel';

describe('Chromium: markdown replies', () => {
  let s: ChromiumSession;
  let sim: Simulator;
  let panel: PanelDriver | null = null;
  let dialogs: string[] = [];
  let errors: string[] = [];
  let seen = 0;
  /** Requests since this test opened its panel that were not the panel talking to Ollama. */
  const offApi = () => sim.requests.slice(seen).filter((r) => r.path !== '/' && !r.path.startsWith('/api/'));

  const open = async () => {
    panel = await openConfiguredPanel(s, { baseUrl: sim.url, defaultModel: 'llama3.2' });
    dialogs = [];
    errors = [];
    seen = sim.requests.length;
    const page: Page = panel.page;
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    page.on('pageerror', (e) => errors.push(String(e)));
    await panel.waitForStatus('Connected');
    return panel;
  };

  beforeAll(async () => {
    s = await launchChromium();
    sim = await startSimulator({ tokensPerSecond: 300, seed: 11 });
  });
  afterAll(async () => {
    await s?.close();
    await sim?.close();
  });
  afterEach(async () => {
    await panel?.page.close().catch(() => {});
    panel = null;
  });

  it('renders a table, highlighted code and a safe link; hostile bits run and load nothing', async () => {
    sim.configure({ reply: () => markdownReply(sim.url) });
    const p = await open();
    await p.ask('Show me markdown');
    expect(await p.waitForReplyEnd(0)).toBe('done');
    const a = `${SEL.assistant} > .text`;
    expect(await p.page.$$eval(`${a} th`, (th) => th.map((t) => t.textContent))).toEqual(['Fruit', 'Count']);
    expect(await p.page.$$eval(`${a} tbody tr`, (tr) => tr.length)).toBe(2);
    expect(await p.page.$eval(`${a} .md-code code`, (c) => c.textContent)).toBe(CODE);
    expect(await p.page.$eval(`${a} .md-code-lang`, (c) => c.textContent)).toBe('python');
    expect(await p.page.$$eval(`${a} .md-code code span[class^="hljs-"]`, (s) => s.length)).toBeGreaterThan(2);
    // The token colors arrive with the highlighter's chunk (a constructed sheet, CSP-safe).
    const colors = await p.page.$eval(`${a} .md-code code`, (code) => {
      const keyword = code.querySelector('.hljs-keyword, .hljs-string, .hljs-title');
      return [getComputedStyle(code).color, keyword ? getComputedStyle(keyword).color : ''];
    });
    expect(colors[1]).not.toBe('');
    expect(colors[1]).not.toBe(colors[0]);
    const link = await p.page.$eval(`${a} a[href^="https://ollama.com"]`, (l) => [l.textContent, l.getAttribute('target'), l.getAttribute('rel')]);
    expect(link).toEqual(['the docs', '_blank', 'noopener noreferrer']);
    expect(await p.page.$$eval(`${a} a`, (l) => l.map((x) => x.getAttribute('href')))).toEqual(['https://ollama.com/docs', null]);
    expect(await p.page.$eval(`${a} button.md-image`, (b) => b.textContent)).toBe(`Load image from 127.0.0.1:${sim.port}`);
    expect(await p.page.evaluate(inertProblems, SEL.assistant)).toEqual([]);
    expect(await p.replyText(0)).toContain('<script>alert("script")</script>');

    expect(offApi()).toEqual([]);
    expect(dialogs).toEqual([]);
    expect(errors).toEqual([]);

    // Only a click loads the image, and without a Referer.
    await p.page.click(`${a} button.md-image`);
    const leak = await sim.waitForRequest((r) => r.path === '/leak.png');
    expect(leak.headers.referer).toBeUndefined();
    expect(await p.page.$eval(`${a} img`, (i) => i.getAttribute('referrerpolicy'))).toBe('no-referrer');
  });

  it('Copy code and Copy message put the right text on the clipboard', async () => {
    sim.configure({ reply: () => markdownReply(sim.url) });
    await s
      .browser()
      .defaultBrowserContext()
      .overridePermissions(`chrome-extension://${s.extensionId}`, ['clipboard-read', 'clipboard-write', 'clipboard-sanitized-write']);
    const p = await open();
    await p.page.bringToFront();
    await p.ask('Copy this');
    expect(await p.waitForReplyEnd(0)).toBe('done');
    await p.page.click('::-p-aria([role="button"][name="Copy code"])');
    await p.page.waitForFunction(() => document.querySelector('.md-copy')?.textContent === 'Copied');
    expect(await p.page.evaluate(() => navigator.clipboard.readText())).toBe(CODE);
    await p.page.click('::-p-aria([role="button"][name="Copy message"])');
    await p.page.waitForFunction(() => document.querySelector('.copy-button')?.textContent === 'Copied');
    expect(await p.page.evaluate(() => navigator.clipboard.readText())).toBe(markdownReply(sim.url));
  });

  it('the whole XSS corpus, streamed at random offsets, stays inert and silent', async () => {
    const corpus = xssCorpus(sim.url);
    expect(corpus.length).toBeGreaterThanOrEqual(40);
    sim.configure({ reply: () => corpus.join('\n\n') });
    const p = await open();
    await p.ask('Be evil');
    expect(await p.waitForReplyEnd(0)).toBe('done');
    expect(await p.page.evaluate(inertProblems, SEL.assistant)).toEqual([]);
    // Give anything that might load or fire a moment to do so.
    await new Promise((r) => setTimeout(r, 500));
    expect(offApi()).toEqual([]);
    expect(dialogs).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('a thinking model: Thinking is open while it thinks, folded once the answer starts', async () => {
    sim.configure({ reply: () => 'The **answer** is 42.', tokensPerSecond: 15 });
    try {
      const p = await open();
      await p.selectModel('qwen3:0.6b');
      await p.ask('Think first');
      await p.page.waitForFunction(
        (sel) => {
          const d = document.querySelector<HTMLDetailsElement>(`${sel} details.thinking`);
          return d?.open === true && (d.textContent ?? '').length > 'Thinking'.length && document.querySelector(`${sel} > .text`)?.textContent === '';
        },
        { timeout: 10_000, polling: 20 },
        SEL.assistant,
      );
      expect(await p.waitForReplyEnd(0)).toBe('done');
      const thinking = await p.page.$eval(`${SEL.assistant} details.thinking`, (d) => [
        (d as HTMLDetailsElement).open,
        d.querySelector('summary')?.textContent,
      ]);
      expect(thinking).toEqual([false, 'Thinking']);
      expect(await p.page.$eval(`${SEL.assistant} > .text strong`, (b) => b.textContent)).toBe('answer');
    } finally {
      sim.configure({ tokensPerSecond: 300 });
    }
  });
});
