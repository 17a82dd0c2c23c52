/**
 * The pages "Chat with this page" reads: tests/e2e/fixtures/article.html (an article between a
 * navigation bar, ads, a sidebar and a footer, each marked with a word the model must never be
 * sent) and a second, plainer article to switch to. Served on llamas.localhost (outside the
 * extension's host access, like any site: see test-page.ts) and on 127.0.0.1 (inside it).
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';

export const ARTICLE_TITLE = 'Llama husbandry – The Camelid Gazette';
export const ARTICLE_MARKER = 'ARTICLE-MARKER-HUMMING';
/** Words only in the page's frame (navigation, ads, sidebar, footer). */
export const FRAME_MARKERS = ['ZEBRA', 'BUY-NOW', 'CHEAP-FLIGHTS', 'COPYRIGHT', 'GAZETTE-TOP'];
export const SECOND_TITLE = 'Alpaca facts';
export const SECOND_MARKER = 'SECOND-MARKER-FLEECE';

const article = readFileSync(join(import.meta.dirname, '../fixtures/article.html'), 'utf8');
const paragraph = `Alpacas are kept for their fleece, which is warmer than sheep's wool and has no lanolin. ${SECOND_MARKER}: an adult alpaca gives about three kilograms of fleece a year.`;
const second = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${SECOND_TITLE}</title></head><body><article><h1>${SECOND_TITLE}</h1>${`<p>${paragraph}</p>`.repeat(4)}</article></body></html>`;

export interface PageServer {
  /** The article, on llamas.localhost: readable only through activeTab or the optional access. */
  readonly articleUrl: string;
  /** The second article, on 127.0.0.1 (the extension's own host access covers it). */
  readonly secondUrl: string;
  /** The article again, on 127.0.0.1: where the second page's tab navigates to. */
  readonly articleLocalUrl: string;
  close(): Promise<void>;
}

export async function startPageServer(): Promise<PageServer> {
  const server = createServer((req, res) => {
    const body = req.url === '/article' ? article : req.url === '/second' ? second : null;
    res.writeHead(body ? 200 : 404, { 'content-type': 'text/html; charset=utf-8' });
    res.end(body ?? 'not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    articleUrl: `http://llamas.localhost:${port}/article`,
    secondUrl: `http://127.0.0.1:${port}/second`,
    articleLocalUrl: `http://127.0.0.1:${port}/article`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
