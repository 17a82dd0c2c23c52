/** Turns whatever the `ollama` client or fetch threw into one classified, explained Failure. */
import { t } from '../i18n';
import type { Failure } from '../protocol';

/** The exact fix for the 403 Origin trap (docs/spec/ollama-wire.md). */
export const ORIGINS_FIX = 'OLLAMA_ORIGINS=chrome-extension://*,moz-extension://*';

/** Why we aborted a request ourselves; passed as the AbortController reason. */
export type AbortCause = 'user' | 'stall' | 'first-token' | 'timeout';

export class AbortedByUs extends Error {
  constructor(readonly why: AbortCause) {
    super(`aborted: ${why}`);
    this.name = 'AbortedByUs';
  }
}

interface ResponseErrorLike {
  name: 'ResponseError';
  error: string;
  status_code: number;
}

// The client's ResponseError class is not exported (docs/spec/ollama-wire.md): match on name and fields.
function isResponseError(e: unknown): e is ResponseErrorLike {
  return e instanceof Error && e.name === 'ResponseError' && typeof (e as unknown as ResponseErrorLike).status_code === 'number';
}

// fetch and body reads reject with a TypeError for every network failure, worded per browser:
// Chromium "Failed to fetch" / "network error", Firefox "NetworkError when attempting to fetch
// resource." / "Error in input stream". The client itself throws plain Errors.
function isNetworkError(e: unknown): boolean {
  return e instanceof TypeError;
}

export interface ClassifyContext {
  baseUrl: string;
  /** The connection's name, for a refusal of its credentials (lib/connections.ts). */
  connection?: string;
  /** Whether any chunk had arrived: a network error then means the connection was lost. */
  started: boolean;
  stallTimeoutMs?: number;
  firstTokenTimeoutMs?: number;
}

// Digits only, no grouping: the seed-era texts wrote "1800 s".
const seconds = (ms = 0) => String(Math.round(ms / 1000));

export function classifyError(err: unknown, ctx: ClassifyContext): Failure {
  if (err instanceof AbortedByUs) {
    if (err.why === 'stall')
      return {
        kind: 'stall',
        message: t('errors_stall', seconds(ctx.stallTimeoutMs)),
      };
    if (err.why === 'first-token')
      return {
        kind: 'stall',
        message: t('errors_first_token', seconds(ctx.firstTokenTimeoutMs)),
      };
    return { kind: 'timeout', message: t('errors_timeout') };
  }
  if (isResponseError(err)) return classifyStatus(err.status_code, err.error, ctx.baseUrl, ctx.connection);
  if (isNetworkError(err)) {
    return ctx.started ? { kind: 'lost', message: t('errors_lost') } : { kind: 'refused', message: t('errors_refused', ctx.baseUrl) };
  }
  const message = err instanceof Error ? err.message : String(err);
  if (/Did not receive done/i.test(message)) return { kind: 'lost', message: t('errors_closed_early') };
  return { kind: 'server', message: t('errors_server', message) };
}

const AUTH_STATUS: Record<number, string> = { 401: 'Unauthorized', 407: 'Proxy Authentication Required' };

/**
 * A reverse proxy in front of Ollama refused the connection's headers: said as the server words
 * it, with where to fix it. Not a refusal of the connection: nothing to start, nothing to retry.
 */
function credentialsRefused(status: number, serverText: string, baseUrl: string, connection?: string): Failure {
  const said = serverText && !serverText.startsWith('Error ') ? `: ${serverText}` : '';
  // The status line stays as HTTP words it; the server's own text is quoted as it came.
  const detail = `${status} ${AUTH_STATUS[status]}${said}`;
  const host = new URL(baseUrl).host;
  return {
    kind: 'auth',
    status,
    message: connection ? t('errors_auth_named', host, detail, connection) : t('errors_auth', host, detail),
  };
}

export function classifyStatus(status: number, serverText: string, baseUrl: string, connection?: string): Failure {
  if (status in AUTH_STATUS) return credentialsRefused(status, serverText, baseUrl, connection);
  if (status === 403)
    return {
      kind: 'forbidden',
      status,
      message: t('errors_forbidden', baseUrl, ORIGINS_FIX),
    };
  const text = serverText && serverText !== 'Forbidden' ? serverText : `HTTP ${status}`;
  if (status === 404) return { kind: 'not-found', status, message: text };
  if (status === 503) return { kind: 'busy', status, message: text };
  if (status >= 400 && status < 500) return { kind: 'bad-request', status, message: text };
  return { kind: 'server', status, message: t('errors_server_status', String(status), text) };
}

/** Connection-level failures trigger a status re-check (docs/spec/seed-system.md: "checked after errors"). */
export function isConnectionFailure(f: Failure): boolean {
  return f.kind === 'refused' || f.kind === 'lost' || f.kind === 'timeout';
}
