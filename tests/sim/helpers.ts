// Test helpers: a raw HTTP client that keeps the network chunks as they arrived (fetch hides
// them behind its own buffering), and NDJSON parsing that tolerates garbage lines.
import { type IncomingHttpHeaders, request } from 'node:http';
import { afterEach } from 'vitest';
import { type SimOptions, type Simulator, startSimulator } from './server.mjs';

export interface RawResponse {
  status: number; // 0 when no response arrived
  headers: IncomingHttpHeaders;
  chunks: Buffer[];
  body: Buffer;
  text: string;
  /** set when the request or the body failed (refused, reset, truncated) */
  error?: NodeJS.ErrnoException;
  /** ms from sending to the status line, and to the end (or failure) */
  headersAfterMs: number;
  totalMs: number;
}

export interface RawOptions {
  method?: string;
  body?: string | object;
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

export function raw(url: string, path: string, opts: RawOptions = {}): Promise<RawResponse> {
  const body = typeof opts.body === 'object' ? JSON.stringify(opts.body) : opts.body;
  const started = performance.now();
  const out: RawResponse = {
    status: 0,
    headers: {},
    chunks: [],
    body: Buffer.alloc(0),
    text: '',
    headersAfterMs: -1,
    totalMs: -1,
  };
  return new Promise((resolve) => {
    const finish = (error?: NodeJS.ErrnoException) => {
      if (out.totalMs >= 0) return;
      out.error ??= error;
      out.totalMs = performance.now() - started;
      out.body = Buffer.concat(out.chunks);
      out.text = out.body.toString('utf8');
      resolve(out);
    };
    const req = request(`${url}${path}`, {
      method: opts.method ?? (body === undefined ? 'GET' : 'POST'),
      headers: opts.headers,
      signal: opts.signal,
      agent: false, // one connection per request: no keep-alive state between tests
    });
    req.on('response', (res) => {
      out.status = res.statusCode ?? 0;
      out.headers = res.headers;
      out.headersAfterMs = performance.now() - started;
      res.on('data', (c: Buffer) => out.chunks.push(c));
      res.on('end', () => finish());
      res.on('error', finish);
      res.on('close', () => finish(res.complete ? undefined : Object.assign(new Error('truncated'), { code: 'TRUNCATED' })));
    });
    req.on('error', finish);
    req.end(body);
  });
}

/** Lines of an NDJSON body; unparseable ones come back as `{ garbage: line }`. */
export function lines(text: string): Record<string, unknown>[] {
  return text
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => {
      try {
        return JSON.parse(l) as Record<string, unknown>;
      } catch {
        return { garbage: l };
      }
    });
}

export interface ChatLine {
  message?: { role: string; content: string; thinking?: string };
  done?: boolean;
  done_reason?: string;
  error?: string;
  [k: string]: unknown;
}

export const chatLines = (text: string) => lines(text) as ChatLine[];
export const contentOf = (ls: ChatLine[]) => ls.map((l) => l.message?.content ?? '').join('');
export const contentLines = (ls: ChatLine[]) => ls.filter((l) => l.message && l.message.content !== '');

export const user = (content: string) => [{ role: 'user', content }];

/** A fresh simulator per test, closed afterwards even when the test fails. */
const open: Simulator[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => s.close()));
});
export async function sim(opts: SimOptions = {}): Promise<Simulator> {
  const s = await startSimulator({ tokensPerSecond: 0, ...opts });
  open.push(s);
  return s;
}

export const chat = (s: Simulator, body: object, headers?: Record<string, string>) => raw(s.url, '/api/chat', { body, headers });
