/**
 * An ordinary web page to select text on, with a known title. Its address is llamas.localhost on
 * purpose: the extension has host access to 127.0.0.1 and localhost (for Ollama), which would let
 * it see any tab there; llamas.localhost also reaches this machine (both browsers resolve
 * *.localhost to loopback) but is outside those patterns, so, as on any site, the extension sees
 * the page's title and address only through what a menu click grants (activeTab).
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export const PAGE_TITLE = 'A page about llamas';
/** Markup as text: the selection must arrive as these characters, never as HTML. */
export const NASTY = 'Llamas <img src="http://127.0.0.1:9/x.png" onerror="document.title=\'pwned\'"> are <b>camelids</b>.';

/** Paragraphs by id, each a selection the scenarios make. */
export const TEXTS = {
  nasty: NASTY,
  hum: 'Llamas hum.',
  first: 'first',
  long: 'x'.repeat(9000),
} as const;

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${PAGE_TITLE}</title></head><body>${Object.entries(TEXTS)
  .map(([id, text]) => `<p id="${id}" style="word-break:break-all">${escapeHtml(text)}</p>`)
  .join('')}</body></html>`;

export interface TestPage {
  /** http://llamas.localhost:<port>/llamas */
  readonly url: string;
  close(): Promise<void>;
}

export async function startTestPage(): Promise<TestPage> {
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(html);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://llamas.localhost:${port}/llamas`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
