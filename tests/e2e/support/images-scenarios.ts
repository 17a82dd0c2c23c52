/**
 * Images for vision models (issue 13), in every browser: an image attached and one pasted reach
 * /api/chat downscaled, a model without "vision" is explained with the vision models to switch
 * to, and the images survive reopening the conversation (thumbnails from the image store, and
 * sent again on the next turn) and an export imported into a fresh profile.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'puppeteer';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { DEFAULT_MODELS, VISION_MODEL } from '../../sim/models.mjs';
import { type Simulator, startSimulator } from '../../sim/server.mjs';
import { storageDump } from './history-scenarios';
import type { ChromiumSession } from './chromium';
import { type ExtensionHost, openConfiguredPanel } from './host';
import { PanelDriver, SEL } from './panel';

const THUMB = 'article[aria-label="You"] img.context-thumb';
const CHIP_THUMB = '.contexts img.context-thumb';

/** A 4000×3000 (12-megapixel) JPEG drawn in the page, as base64. */
function makePhoto(page: Page, width = 4000, height = 3000): Promise<string> {
  return page.evaluate(
    async (w, h) => {
      const c = document.createElement('canvas');
      c.width = w;
      c.height = h;
      const ctx = c.getContext('2d') as CanvasRenderingContext2D;
      const g = ctx.createLinearGradient(0, 0, w, h);
      g.addColorStop(0, '#c33');
      g.addColorStop(1, '#33c');
      ctx.fillStyle = g;
      ctx.fillRect(0, 0, w, h);
      const blob = await new Promise<Blob>((resolve) => c.toBlob((b) => resolve(b as Blob), 'image/jpeg', 0.9));
      const bytes = new Uint8Array(await blob.arrayBuffer());
      let bin = '';
      for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
      return btoa(bin);
    },
    width,
    height,
  );
}

/** Width and height from a JPEG's frame header (SOF0–SOF2). */
function jpegSize(base64: string): { width: number; height: number } {
  const b = Buffer.from(base64, 'base64');
  let i = 2;
  while (i < b.length) {
    const marker = b[i + 1] as number;
    const len = b.readUInt16BE(i + 2);
    if (marker >= 0xc0 && marker <= 0xc2) return { height: b.readUInt16BE(i + 5), width: b.readUInt16BE(i + 7) };
    i += 2 + len;
  }
  throw new Error('not a JPEG');
}

/**
 * Pastes a JPEG into the message box as a clipboard file would arrive. Firefox gives a scripted
 * ClipboardEvent an empty clipboardData whatever it was built with, so the event carries it as
 * an own property: what the handler reads is the same as in a real paste.
 */
async function pasteImage(page: Page, base64: string, name: string): Promise<void> {
  await page.$eval(
    SEL.message,
    (el, data, n) => {
      const bytes = Uint8Array.from(atob(data), (ch) => ch.charCodeAt(0));
      const dt = new DataTransfer();
      dt.items.add(new File([bytes], n, { type: 'image/jpeg' }));
      const paste = new ClipboardEvent('paste', { bubbles: true, cancelable: true });
      Object.defineProperty(paste, 'clipboardData', { value: dt });
      el.dispatchEvent(paste);
    },
    base64,
    name,
  );
}

const chats = (sim: Simulator) => sim.requests.filter((r) => r.path === '/api/chat');
type Turn = { role: string; content: string; images?: string[] };
const lastTurns = (sim: Simulator) => (chats(sim).at(-1)?.body as { messages: Turn[] } | undefined)?.messages ?? [];

const clickButton = (page: Page, label: string) =>
  page.$$eval('button', (bs, l) => (bs.find((b) => (b.getAttribute('aria-label') ?? b.textContent?.trim()) === l) as HTMLElement).click(), label);

const waitButton = (page: Page, label: string) =>
  page.waitForFunction(
    (l) => [...document.querySelectorAll('button')].some((b) => (b.getAttribute('aria-label') ?? b.textContent?.trim()) === l),
    { timeout: 10_000 },
    label,
  );

type MenuClick = { menuItemId: string; srcUrl?: string; pageUrl?: string };
type Hook = { ollamaChatTest: { onMenuClick(c: MenuClick): Promise<void> } };
declare const browser: { runtime: { getBackgroundPage(): Promise<Hook> } };

/**
 * A context-menu click, through the e2e build's hook (lib/background/test-hook.ts): in Chromium in
 * the service worker; in Firefox from the panel, through its MV2 background page.
 */
async function clickMenu(host: ExtensionHost, panel: Page, click: MenuClick): Promise<void> {
  if (host.name === 'chromium') {
    const worker = await (host as ChromiumSession).worker();
    await worker.evaluate((c) => (globalThis as unknown as Hook).ollamaChatTest.onMenuClick(c), click);
  } else await panel.evaluate(async (c) => (await browser.runtime.getBackgroundPage()).ollamaChatTest.onMenuClick(c), click);
}

/** A 40×30 PNG with a transparent half, drawn in the page, as a data: URL. */
const pngDataUrl = (page: Page) =>
  page.evaluate(() => {
    const c = document.createElement('canvas');
    c.width = 40;
    c.height = 30;
    const ctx = c.getContext('2d') as CanvasRenderingContext2D;
    ctx.fillStyle = '#2a6';
    ctx.fillRect(0, 0, 20, 30);
    return c.toDataURL('image/png');
  });

export function imagesScenarios(launch: () => Promise<ExtensionHost>): void {
  let host: ExtensionHost;
  let sim: Simulator;
  const others: ExtensionHost[] = [];
  // Closed after each test: an open panel would take the next test's context-menu hand-over.
  const pages: Page[] = [];

  beforeAll(async () => {
    host = await launch();
    sim = await startSimulator({ tokensPerSecond: 400, models: [...DEFAULT_MODELS, VISION_MODEL] });
  });
  afterAll(async () => {
    await host?.close();
    await sim?.close();
  });
  afterEach(async () => {
    for (const h of others.splice(0)) await h.close();
    for (const page of pages.splice(0)) await page.close().catch(() => {});
  });

  it('images: attached and pasted, downscaled, vision explained, kept on reopen and through export/import', async () => {
    const p = await openConfiguredPanel(host, { baseUrl: sim.url, defaultModel: 'llama3.2' });
    await p.waitForStatus('Connected');
    const photo = await makePhoto(p.page);
    const file = join(mkdtempSync(join(tmpdir(), 'ollama-chat-img-')), 'photo.jpg');
    writeFileSync(file, Buffer.from(photo, 'base64'));

    // Attached through "Attach image"'s file input.
    await waitButton(p.page, 'Attach image');
    const input = await p.page.$('.composer input[type="file"]');
    await input?.uploadFile(file);
    await p.page.waitForSelector(CHIP_THUMB, { timeout: 20_000 });
    expect(await p.page.$eval('.contexts', (s) => s.textContent)).toContain('1568×1176');
    expect(await p.page.$eval('.contexts', (s) => s.textContent)).toContain('downscaled from 4000×3000');

    // llama3.2 cannot see: said, with the installed model that can.
    await waitButton(p.page, 'Use gemma3:4b');
    expect(await p.page.$eval('.vision-note', (n) => n.textContent)).toContain('llama3.2:latest cannot see images');
    await clickButton(p.page, 'Use gemma3:4b');
    await p.page.waitForFunction(() => !document.querySelector('.vision-note'));
    expect(await p.selectedModel()).toBe('gemma3:4b');

    // Pasted into the message box.
    await pasteImage(p.page, photo, 'pasted.jpg');
    await p.page.waitForFunction((sel) => document.querySelectorAll(sel).length === 2, { timeout: 20_000 }, CHIP_THUMB);
    await waitButton(p.page, 'Remove pasted.jpg');

    await p.ask('What is in these pictures?');
    await p.waitForReplyEnd(0);
    const sent = lastTurns(sim).at(-1) as Turn;
    expect(sent.role).toBe('user');
    expect(sent.images).toHaveLength(2);
    for (const img of sent.images ?? []) expect(jpegSize(img)).toEqual({ width: 1568, height: 1176 });
    expect(await p.page.$$eval(THUMB, (t) => t.length)).toBe(2);

    // Stored apart: the conversation names the image, the bytes are under their own key.
    const dump = await storageDump(p.page);
    const conv = Object.entries(dump).find(([k]) => k.startsWith('ollama_chat_conversation:'))?.[1] as {
      messages: { attachments?: { ref?: string; data?: string }[] }[];
    };
    const atts = conv.messages[0]?.attachments ?? [];
    expect(atts).toHaveLength(2);
    expect(atts.every((a) => a.ref && a.data === undefined)).toBe(true);
    expect(Object.keys(dump).filter((k) => k.startsWith('ollama_chat_image:'))).toHaveLength(1); // the same photo twice: stored once

    // Reopened: thumbnails from the store, and the next turn sends the first one's images again.
    await p.page.close();
    const again = new PanelDriver(await host.openPanel());
    pages.push(again.page);
    await again.page.waitForFunction((sel) => document.querySelectorAll(sel).length === 2, { timeout: 15_000 }, THUMB);
    await again.waitForStatus('Connected');
    await again.ask('And the colours?');
    await again.waitForReplyEnd(1);
    const turns = lastTurns(sim);
    expect(turns.filter((t) => t.role === 'user').map((t) => t.images?.length ?? 0)).toEqual([2, 0]);

    // Exported ("Export all") and imported into a fresh profile: the images come along.
    await again.page.evaluate(() => {
      const w = window as unknown as { exported?: Blob };
      URL.createObjectURL = (b: Blob) => {
        w.exported = b;
        return 'blob:captured';
      };
      HTMLAnchorElement.prototype.click = () => {};
    });
    await clickButton(again.page, 'History');
    await waitButton(again.page, 'Export all');
    await clickButton(again.page, 'Export all');
    await again.page.waitForFunction(() => (window as unknown as { exported?: Blob }).exported, { timeout: 10_000 });
    const text = await again.page.evaluate(() => (window as unknown as { exported: Blob }).exported.text());
    expect(text).toContain('"data"');
    const exportFile = join(mkdtempSync(join(tmpdir(), 'ollama-chat-img-export-')), 'export.json');
    writeFileSync(exportFile, text);

    const fresh = await launch();
    others.push(fresh);
    const q = await openConfiguredPanel(fresh, { baseUrl: sim.url, defaultModel: 'gemma3:4b' });
    await q.waitForStatus('Connected');
    await clickButton(q.page, 'History');
    const importInput = await q.page.waitForSelector('input[aria-label="Import conversations"]');
    await importInput?.uploadFile(exportFile);
    await q.page.waitForFunction(() => document.querySelector('.notice')?.textContent?.startsWith('Imported'), { timeout: 30_000 });
    await q.page.waitForSelector('.history-open', { timeout: 10_000 });
    await q.page.$$eval('.history-open', (bs) => (bs[0] as HTMLElement).click());
    await q.page.waitForFunction((sel) => document.querySelectorAll(sel).length === 2, { timeout: 15_000 }, THUMB);
    const freshDump = await storageDump(q.page);
    expect(Object.keys(freshDump).filter((k) => k.startsWith('ollama_chat_image:'))).toHaveLength(1);
  });

  it('"Ask Ollama about this image": a page image becomes a chip; an address it may not fetch is refused with the reason', async () => {
    const p = await openConfiguredPanel(host, { baseUrl: sim.url, defaultModel: 'gemma3:4b' });
    pages.push(p.page);
    await p.waitForStatus('Connected');
    await clickMenu(host, p.page, { menuItemId: 'ask-image', srcUrl: await pngDataUrl(p.page), pageUrl: 'https://example.test/' });
    await p.page.waitForSelector(CHIP_THUMB, { timeout: 15_000 });
    // Transparent, so kept lossless; small, so not resized.
    expect(await p.page.$eval(CHIP_THUMB, (i) => (i as HTMLImageElement).src.slice(0, 22))).toBe('data:image/png;base64,');
    expect(await p.page.$eval('.contexts', (s) => s.textContent)).toContain('40×30');

    await clickMenu(host, p.page, { menuItemId: 'ask-image', srcUrl: 'blob:https://example.test/0b7c', pageUrl: 'https://example.test/' });
    await p.page.waitForFunction((sel) => document.querySelector(sel)?.textContent?.includes('belongs to the page'), { timeout: 15_000 }, SEL.alert);
    await clickMenu(host, p.page, { menuItemId: 'ask-image', srcUrl: `${sim.url}/no-such-image.png`, pageUrl: 'https://example.test/' });
    await p.page.waitForFunction((sel) => document.querySelector(sel)?.textContent?.includes('answered 404'), { timeout: 15_000 }, SEL.alert);
    expect(await p.page.$$eval(CHIP_THUMB, (t) => t.length)).toBe(1);

    // Dropped on the composer with a PDF: the image is taken, the PDF left alone, the panel stays.
    const panelUrl = p.page.url();
    await p.page.$eval(
      '.composer',
      (form, url) => {
        const [head, data] = url.split(',');
        const bytes = Uint8Array.from(atob(data ?? ''), (ch) => ch.charCodeAt(0));
        const dt = new DataTransfer();
        dt.items.add(new File([bytes], 'dropped.png', { type: head?.slice(5, -7) ?? 'image/png' }));
        dt.items.add(new File(['%PDF-1.4'], 'paper.pdf', { type: 'application/pdf' }));
        const drop = new DragEvent('drop', { bubbles: true, cancelable: true });
        Object.defineProperty(drop, 'dataTransfer', { value: dt });
        form.dispatchEvent(drop);
      },
      await pngDataUrl(p.page),
    );
    await p.page.waitForFunction((sel) => document.querySelectorAll(sel).length === 2, { timeout: 15_000 }, CHIP_THUMB);
    await waitButton(p.page, 'Remove dropped.png');
    expect(p.page.url()).toBe(panelUrl);
  });
}
