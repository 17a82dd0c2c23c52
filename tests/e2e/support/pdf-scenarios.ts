/**
 * PDFs and the context budget (issue 13, items 2 and 3) in every browser, against the simulator's
 * request log: the fixture PDF (tests/fixtures/llamas.pdf, three pages) attached with the file
 * picker or dropped is sent with its page numbers; one that does not fit Context length is cut at
 * a page with a note saying so; a damaged one is said and loses nothing; and a reply whose prompt
 * Ollama cut (the simulator reports a smaller prompt_eval_count, as Ollama does) carries the warning.
 */
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import type { Page } from 'puppeteer';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type Simulator, startSimulator } from '../../sim/server.mjs';
import { type ExtensionHost, openConfiguredPanel, type PanelSettings } from './host';
import { PanelDriver, SEL } from './panel';

const MODEL = 'llama3.2:latest';
const FIXTURE = fileURLToPath(new URL('../../fixtures/llamas.pdf', import.meta.url));
const PDF_CHIP = '.contexts .context-pdf';
const ATTACH = 'button::-p-text(Attach PDF)';
const PAGES = [
  '[Page 1]\nLlamas of the Andes\nPage one says llamas hum.',
  '[Page 2]\nAlpacas are smaller\nPage two says alpacas are shorn.',
  '[Page 3]\nGuanacos live wild\nPage three says guanacos run.',
];

type ChatBody = { messages: { role: string; content: string }[]; options?: Record<string, unknown> };
const lastChat = (sim: Simulator) => sim.requests.filter((r) => r.path === '/api/chat').at(-1)?.body as ChatBody | undefined;

/** Drops files on the composer as a user's drag from the desktop does: a drop event carrying them. */
async function dropFiles(page: Page, files: { name: string; type: string; base64: string }[]): Promise<void> {
  await page.$eval(
    'form.composer',
    (form, list) => {
      const dt = new DataTransfer();
      for (const f of list) dt.items.add(new File([Uint8Array.from(atob(f.base64), (c) => c.charCodeAt(0))], f.name, { type: f.type }));
      form.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true }));
      form.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
    },
    files,
  );
}

const chipText = (page: Page) => page.$eval(PDF_CHIP, (c) => c.textContent ?? '');

/** Types a long message at once (typing it key by key would take minutes), then sends it. */
async function askLong(p: PanelDriver, text: string): Promise<void> {
  await p.page.$eval(
    SEL.message,
    (el, v) => {
      (el as HTMLTextAreaElement).value = v;
      el.dispatchEvent(new Event('input', { bubbles: true }));
    },
    text,
  );
  await p.page.click(SEL.send);
}

/** Serves the fixture at http://127.0.0.1:<port>/papers/llamas.pdf, as a web server would. */
async function servePdf(): Promise<{ server: Server; url: string }> {
  const server = createServer((req, res) => {
    if (req.url !== '/papers/llamas.pdf') return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': 'application/pdf' });
    res.end(readFileSync(FIXTURE));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/papers/llamas.pdf` };
}

export function pdfScenarios(launch: () => Promise<ExtensionHost>): void {
  let host: ExtensionHost;
  let sim: Simulator;
  beforeAll(async () => {
    // Short answers: the default echoes the question, and one here is thousands of words long.
    [host, sim] = await Promise.all([launch(), startSimulator({ reply: () => 'Llamas hum.' })]);
  });
  afterAll(async () => {
    await host?.close();
    await sim?.close();
  });

  const open = async (parameters?: Record<string, unknown>) => {
    const settings = { baseUrl: sim.url, defaultModel: MODEL, ...(parameters ? { parameters } : {}) } as PanelSettings;
    const p = await openConfiguredPanel(host, settings, MODEL);
    await p.waitForStatus('Connected');
    await p.page.waitForSelector(ATTACH);
    return p;
  };

  it('a PDF picked with "Attach PDF" is read page by page and sent with its page numbers', async () => {
    const p = await open();
    const input = await p.page.$('.pdf-tools input[type="file"]');
    await input?.uploadFile(FIXTURE);
    await p.page.waitForSelector(PDF_CHIP, { timeout: 15_000 });
    const chip = await chipText(p.page);
    expect(chip).toContain('llamas.pdf');
    expect(chip).toMatch(/≈\d+ tokens \(estimate\) of 4,096/);
    expect(chip).not.toContain('Kept');
    await p.ask('What does page 2 say?');
    expect(await p.waitForReplyEnd(0)).toBe('done');
    const user = lastChat(sim)?.messages.at(-1)?.content ?? '';
    expect(user).toBe(`<<< PDF: "llamas.pdf"\n${PAGES.join('\n\n')}\n>>> End of pdf\n\nWhat does page 2 say?`);
    // Sent with the question, shown on it; the composer is empty again.
    expect(await p.page.$(PDF_CHIP)).toBeNull();
    // Kept with the question: a panel opened afresh reopens the conversation and shows it there.
    const again = new PanelDriver(await host.openPanel());
    const kept = '.message-attachments .context-pdf';
    await again.page.waitForSelector(kept, { timeout: 10_000 });
    expect(await again.page.$eval(kept, (c) => c.textContent ?? '')).toContain('llamas.pdf');
    await again.page.close();
    await p.page.close();
  });

  it('a PDF dropped on the composer that does not fit Context length is cut at a page, with a note saying what was kept', async () => {
    // 290 tokens, less a quarter (at least 256) for the reply: 34 for attachments, two pages.
    const p = await open({ num_ctx: 290 });
    await dropFiles(p.page, [
      { name: 'llamas.pdf', type: 'application/pdf', base64: readFileSync(FIXTURE).toString('base64') },
      { name: 'notes.txt', type: 'text/plain', base64: btoa('not a pdf') },
    ]);
    await p.page.waitForSelector(PDF_CHIP, { timeout: 15_000 });
    expect(await p.page.$$eval('.contexts .context', (cs) => cs.length)).toBe(1);
    const chip = await chipText(p.page);
    expect(chip).toMatch(/Kept pages 1–2 of 3 \(≈\d+ of \d+ tokens, estimate\) to fit Context length 290; raise it in Settings\./);
    expect(chip).toMatch(/tokens \(estimate\) of 290/);
    await p.ask('Summarise');
    expect(await p.waitForReplyEnd(0)).toBe('done');
    const sent = lastChat(sim);
    expect(sent?.options).toMatchObject({ num_ctx: 290 });
    expect(sent?.messages.at(-1)?.content).toContain(`${PAGES[0]}\n\n${PAGES[1]}\n>>> End of pdf`);
    expect(sent?.messages.at(-1)?.content).not.toContain('[Page 3]');
    await p.page.close();
  });

  it('"Read PDF tab" reads the PDF the tab beside the panel shows, with its address', async () => {
    const { server, url } = await servePdf();
    try {
      const p = await open();
      // The PDF opens in a tab of the panel's window and becomes the active one, as a user's would.
      const tab = await host.browser().newPage();
      await tab.goto(url, { timeout: 5000 }).catch(() => {});
      await tab.bringToFront();
      // The panel notices the switch (its button says which PDF it will read); its tab is in the
      // background now, so: polling on a timer (no animation frames there), a click event.
      const button = '.pdf-tools button[title="Read llamas.pdf from the tab beside the panel"]';
      await p.page.waitForFunction((sel) => document.querySelector(sel), { polling: 100, timeout: 10_000 }, button);
      await p.page.$eval(button, (b) => (b as HTMLButtonElement).click());
      await p.page.bringToFront();
      await p.page.waitForSelector(`${PDF_CHIP}, .pdf-error`, { timeout: 15_000 });
      expect(await p.page.$('.pdf-error')).toBeNull();
      const chip = await chipText(p.page);
      expect(chip).toContain('llamas.pdf');
      expect(chip).toContain('127.0.0.1');
      await p.ask('Cite the page about alpacas');
      expect(await p.waitForReplyEnd(0)).toBe('done');
      expect(lastChat(sim)?.messages.at(-1)?.content).toBe(
        `<<< PDF: "llamas.pdf" (${url})\n${PAGES.join('\n\n')}\n>>> End of pdf\n\nCite the page about alpacas`,
      );
      await tab.close();
      await p.page.close();
    } finally {
      server.closeAllConnections();
      server.close();
    }
  });

  it('a damaged PDF is said, and the draft and other chips stay', async () => {
    const p = await open();
    await p.page.type(SEL.message, 'my draft');
    await dropFiles(p.page, [{ name: 'broken.pdf', type: 'application/pdf', base64: btoa('%PDF-1.4 this is not really a pdf') }]);
    await p.page.waitForSelector('.pdf-error', { timeout: 15_000 });
    expect(await p.page.$eval('.pdf-error', (e) => e.textContent ?? '')).toContain('"broken.pdf" is not a PDF that can be read (damaged or not a PDF).');
    expect(await p.page.$(PDF_CHIP)).toBeNull();
    expect(await p.page.$eval(SEL.message, (e) => (e as HTMLTextAreaElement).value)).toBe('my draft');
    await p.page.close();
  });

  it('a reply whose prompt Ollama cut to Context length says so under it; one that fit does not', async () => {
    const p = await open({ num_ctx: 512 });
    await p.ask('A short question');
    expect(await p.waitForReplyEnd(0)).toBe('done');
    await p.page.waitForSelector(`${SEL.assistant} .reply-footer`);
    expect(await p.page.$(`${SEL.assistant} .reply-warning`)).toBeNull();

    await askLong(p, 'llama '.repeat(3000));
    expect(await p.waitForReplyEnd(1)).toBe('done');
    await p.page.waitForSelector(`${SEL.assistant} .reply-warning`, { timeout: 10_000 });
    const warnings = await p.page.$$eval(`${SEL.assistant} .reply-warning`, (ws) => ws.map((w) => w.textContent));
    expect(warnings).toEqual(['The model saw only the last 512 tokens; raise the context length in Settings.']);
    // Saved with the reply: a panel opened later shows it again.
    const q = new PanelDriver(await host.openPanel());
    await q.page.waitForSelector(`${SEL.assistant} .reply-warning`, { timeout: 10_000 });
    expect(await q.page.$$eval(`${SEL.assistant} .reply-warning`, (ws) => ws.length)).toBe(1);
    await q.page.close();
    await p.page.close();
  });
}
