/**
 * "Screenshot" (issue 13) in every browser: the real panel beside a real tab showing a page of two
 * known colours; the click captures the visible tab, the chip says its size (downscaled past
 * 1568 px), and the vision model's /api/chat request carries an image whose decoded pixels are
 * the page's. Where the browser's prompt can be answered (Firefox), "Don't allow" first: the panel
 * says why and the draft stays. Where a browser page cannot be captured (Chromium's chrome://
 * pages; Firefox captures even its about: pages), that is said and nothing is lost.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from 'puppeteer';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { MAX_SIDE } from '../../../lib/images/fit';
import { DEFAULT_MODELS, VISION_MODEL } from '../../sim/models.mjs';
import { type Simulator, startSimulator } from '../../sim/server.mjs';
import { type PanelView, Q } from './panel-view';
import type { ShotBrowser } from './screenshot-browser';

/** The page's two halves, as [r, g, b]. */
const LEFT = [208, 48, 32];
const RIGHT = [32, 80, 192];
const css = (c: number[]) => `rgb(${c.join(',')})`;
const PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Two colours</title><style>
html,body{margin:0;height:100%;overflow:hidden}body{display:flex}div{flex:1}</style></head>
<body><div style="background:${css(LEFT)}"></div><div style="background:${css(RIGHT)}"></div></body></html>`;

/** Serves the page on 127.0.0.1 under the name llamas.localhost: outside the extension's own hosts, like any site. */
async function startColourPage(): Promise<{ url: string; close(): Promise<void> }> {
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(PAGE);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://llamas.localhost:${port}/colours`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

const chips = (d: Document) => d.querySelectorAll('.composer .contexts img.context-thumb').length;
const chipText = (d: Document) => d.querySelector('.composer .contexts')?.textContent ?? '';
const imageError = (d: Document) => d.querySelector('.image-error[role="alert"]')?.textContent ?? '';
const typeDraft = (d: Document, text: string) => {
  const box = d.querySelector('textarea[aria-label="Message"]') as HTMLTextAreaElement;
  box.value = text;
  box.dispatchEvent(new (d.defaultView as Window & typeof globalThis).Event('input', { bubbles: true }));
};

type Turn = { role: string; content: string; images?: string[] };

/** Decodes a base64 JPEG/PNG in `page`: its size and the colours at a quarter and three quarters across. */
function decode(page: Page, base64: string) {
  return page.evaluate(async (b64) => {
    const type = b64.startsWith('/9j/') ? 'image/jpeg' : b64.startsWith('iVBORw0KGgo') ? 'image/png' : 'other';
    const img = new Image();
    img.src = `data:${type};base64,${b64}`;
    await img.decode();
    const c = document.createElement('canvas');
    c.width = img.naturalWidth;
    c.height = img.naturalHeight;
    const ctx = c.getContext('2d') as CanvasRenderingContext2D;
    ctx.drawImage(img, 0, 0);
    const at = (fx: number) => [...ctx.getImageData(Math.floor(c.width * fx), Math.floor(c.height / 2), 1, 1).data.slice(0, 3)];
    return { type, width: c.width, height: c.height, left: at(0.25), right: at(0.75) };
  }, base64);
}

const near = (got: number[], want: number[]) => got.every((v, i) => Math.abs(v - (want[i] as number)) <= 24);

export interface ShotCases {
  /** The browser's prompt can be answered (ShotBrowser.answerPrompt): refuse it first. */
  refusal: boolean;
  /** A page this browser refuses to capture, if any. */
  restrictedUrl?: string;
}

export function screenshotScenarios(setup: () => Promise<ShotBrowser>, cases: ShotCases): void {
  let b: ShotBrowser;
  let sim: Simulator;
  let page: { url: string; close(): Promise<void> };
  let p: PanelView;
  const lastUser = () => (sim.requests.filter((r) => r.path === '/api/chat').at(-1)?.body as { messages: Turn[] } | undefined)?.messages.at(-1);

  beforeAll(async () => {
    [page, sim, b] = await Promise.all([
      startColourPage(),
      startSimulator({ tokensPerSecond: 400, replyTokens: 10, models: [...DEFAULT_MODELS, VISION_MODEL] }),
      setup(),
    ]);
    p = await b.openPanelOn({ baseUrl: sim.url, defaultModel: VISION_MODEL.name }, page.url);
    await p.waitFor('"Connected"', (d) => d.querySelector('[role="status"]')?.textContent === 'Connected', null);
  });
  afterAll(async () => {
    await b?.host.close();
    await Promise.all([sim?.close(), page?.close()]);
  });

  if (cases.refusal)
    it('"Don\'t allow" on the permission prompt: the panel says why, and the draft stays', async () => {
      await p.run(typeDraft, 'What colours are on this page?');
      await b.clickScreenshot();
      await b.answerPrompt?.(false);
      await p.waitFor('the reason', (d) => d.querySelector('.image-error[role="alert"]'), null);
      expect(await p.run(imageError, null)).toBe('A screenshot needs permission to read the page beside the panel: allow it when asked.');
      expect(await p.run(chips, null)).toBe(0);
      expect(await p.run(Q.draft, null)).toBe('What colours are on this page?');
    });

  it("captures the visible tab as an image chip, downscaled, and sends the page's pixels to the vision model", async () => {
    const visible = await b.tab().evaluate(() => ({ width: Math.round(innerWidth * devicePixelRatio), height: Math.round(innerHeight * devicePixelRatio) }));
    // Larger than what is sent, so the screenshot has to be downscaled.
    expect(Math.max(visible.width, visible.height)).toBeGreaterThan(MAX_SIDE);
    const scale = MAX_SIDE / Math.max(visible.width, visible.height);
    const sent = { width: Math.round(visible.width * scale), height: Math.round(visible.height * scale) };

    await p.run(typeDraft, 'What colours are on this page?');
    await b.clickScreenshot();
    await b.answerPrompt?.(true);
    await p.waitFor('the screenshot chip', chips, null, 20_000);
    expect(await p.run(chipText, null)).toContain(`${sent.width}×${sent.height}downscaled from ${visible.width}×${visible.height}`);
    expect(await p.run(imageError, null)).toBe('');
    expect(await p.run(Q.draft, null)).toBe('What colours are on this page?');

    await p.run(Q.send, 'What colours are on this page?');
    await p.waitFor('the reply', (d) => d.querySelector('article[aria-label="Assistant"]')?.getAttribute('data-status') === 'done', null);
    const turn = lastUser();
    expect(turn?.content).toBe('What colours are on this page?');
    expect(turn?.images).toHaveLength(1);
    const image = await decode(b.tab(), turn?.images?.[0] ?? '');
    expect(['image/jpeg', 'image/png']).toContain(image.type);
    expect({ width: image.width, height: image.height }).toEqual(sent);
    expect(near(image.left, LEFT), `left half ${image.left}`).toBe(true);
    expect(near(image.right, RIGHT), `right half ${image.right}`).toBe(true);
  });

  const { restrictedUrl } = cases;
  if (restrictedUrl)
    it('a browser page cannot be captured: the panel says why, and the draft and conversation stay', async () => {
      await p.run(typeDraft, 'And this one?');
      await b.switchTo(restrictedUrl);
      await b.clickScreenshot();
      await p.waitFor(
        'the reason',
        (d) => /^This page cannot be captured \(.+\)\. Browser pages/.test(d.querySelector('.image-error')?.textContent ?? ''),
        null,
      );
      expect(await p.run(chips, null)).toBe(0);
      expect(await p.run(Q.draft, null)).toBe('And this one?');
      expect(await p.run(Q.assistants, null)).toBe(1);
    });
}
