import { fakeBrowser } from 'wxt/testing/fake-browser';
import { afterEach, describe, expect, it } from 'vitest';
import { AbortedByUs, classifyError, classifyStatus, isConnectionFailure, ORIGINS_FIX } from '../../../lib/ollama/errors';
import { installI18n } from '../../support/i18n';

const ctx = { baseUrl: 'http://localhost:11434', started: false, stallTimeoutMs: 60_000, firstTokenTimeoutMs: 300_000 };
const responseError = (status: number, error: string) => Object.assign(new Error(error), { name: 'ResponseError', error, status_code: status });

describe('classifyError', () => {
  it('connection refused before any reply (Chromium and Firefox wording)', () => {
    for (const msg of ['Failed to fetch', 'NetworkError when attempting to fetch resource.']) {
      const f = classifyError(new TypeError(msg), ctx);
      expect(f.kind).toBe('refused');
      expect(f.message).toContain('Cannot connect to Ollama server');
      expect(f.message).toContain('http://localhost:11434');
    }
  });

  it('a network error after chunks is a lost connection', () => {
    expect(classifyError(new TypeError('network error'), { ...ctx, started: true }).kind).toBe('lost');
    expect(classifyError(new TypeError('Error in input stream'), { ...ctx, started: true }).kind).toBe('lost');
  });

  it('403 names the exact OLLAMA_ORIGINS fix', () => {
    const f = classifyError(responseError(403, 'Forbidden'), ctx);
    expect(f).toMatchObject({ kind: 'forbidden', status: 403 });
    expect(f.message).toContain(ORIGINS_FIX);
  });

  it("401 from a proxy: the server's words, the host and the connection to fix; never a connection failure", () => {
    const f = classifyError(responseError(401, 'unauthorized'), { ...ctx, baseUrl: 'http://127.0.0.1:9/ollama', connection: 'GPU box' });
    expect(f).toEqual({
      kind: 'auth',
      status: 401,
      message: 'Ollama at 127.0.0.1:9 refused the credentials (401 Unauthorized: unauthorized). Check the headers of connection "GPU box" in Settings.',
    });
    expect(isConnectionFailure(f)).toBe(false);
  });

  it('407 too; a body without words (the client\'s "Error 407: …") is not repeated; no name: this connection', () => {
    expect(classifyStatus(407, 'Error 407: Proxy Authentication Required', 'https://gpu.lan')).toEqual({
      kind: 'auth',
      status: 407,
      message: "Ollama at gpu.lan refused the credentials (407 Proxy Authentication Required). Check this connection's headers in Settings.",
    });
  });

  it("404 shows the server's own message", () => {
    expect(classifyError(responseError(404, "model 'nope' not found"), ctx)).toEqual({
      kind: 'not-found',
      status: 404,
      message: "model 'nope' not found",
    });
  });

  it('503 busy and other statuses', () => {
    expect(classifyStatus(503, 'server busy, please try again.  maximum pending requests exceeded', '').kind).toBe('busy');
    expect(classifyStatus(400, 'model is required', '').kind).toBe('bad-request');
    expect(classifyStatus(500, 'boom', '')).toMatchObject({ kind: 'server', message: 'Ollama error (500): boom' });
  });

  it('an {"error"} line mid-stream and a missing done line', () => {
    expect(classifyError(new Error('out of memory'), ctx)).toMatchObject({ kind: 'server', message: 'Ollama error: out of memory' });
    expect(classifyError(new Error('Did not receive done or success response in stream.'), ctx).kind).toBe('lost');
  });

  it('our own aborts say why', () => {
    expect(classifyError(new AbortedByUs('stall'), ctx)).toMatchObject({ kind: 'stall' });
    expect(classifyError(new AbortedByUs('stall'), ctx).message).toContain('60 s');
    expect(classifyError(new AbortedByUs('first-token'), ctx).message).toContain('300 s');
    expect(classifyError(new AbortedByUs('timeout'), ctx)).toEqual({ kind: 'timeout', message: 'Connection to Ollama timed out' });
  });

  it('only connection-level failures trigger a status re-check', () => {
    expect(isConnectionFailure({ kind: 'refused', message: '' })).toBe(true);
    expect(isConnectionFailure({ kind: 'lost', message: '' })).toBe(true);
    expect(isConnectionFailure({ kind: 'not-found', message: '' })).toBe(false);
  });
});

describe('in German', () => {
  afterEach(() => installI18n(fakeBrowser));

  it('the failure texts come from the catalog, with the values filled in', () => {
    installI18n(fakeBrowser, 'de');
    expect(classifyError(new AbortedByUs('timeout'), ctx).message).toBe('Zeitüberschreitung bei der Verbindung zu Ollama');
    expect(classifyError(new TypeError('Failed to fetch'), ctx).message).toContain('Keine Verbindung zum Ollama-Server unter http://localhost:11434');
    expect(classifyStatus(401, 'unauthorized', 'http://127.0.0.1:9', 'GPU box').message).toBe(
      'Ollama unter 127.0.0.1:9 hat die Anmeldedaten abgelehnt (401 Unauthorized: unauthorized). Prüfen Sie die Header der Verbindung „GPU box“ in den Einstellungen.',
    );
    expect(classifyStatus(403, 'Forbidden', 'http://localhost:11434').message).toContain(ORIGINS_FIX);
  });
});
