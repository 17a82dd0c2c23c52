/**
 * One question → answer in the background: streams from Ollama, relays every chunk to the sink,
 * keeps the accumulated text, and ends exactly once with done, stopped or failed.
 */
import type { OllamaApi } from '../ollama/client';
import { AbortedByUs, classifyError } from '../ollama/errors';
import type { DoneInfo, Failure } from '../protocol';
import type { ChatRequest, WireTurn } from './request';
import { createWatchdog } from './watchdog';

export interface ExchangeSink {
  chunk(content: string, thinking?: string): void;
  done(info: DoneInfo): void;
  stopped(): void;
  failed(failure: Failure): void;
}

export interface ExchangeOptions {
  api: OllamaApi;
  baseUrl: string;
  /** The connection's name, for a refusal of its credentials. */
  connection?: string;
  model: string;
  messages: WireTurn[];
  /** The model's parameters (`options`, `keep_alive`); absent: Ollama's defaults. */
  extra?: Omit<ChatRequest, 'messages'>;
  sink: ExchangeSink;
  stallTimeoutMs: number;
  firstTokenTimeoutMs: number;
  /** A monotonic clock in ms, for the time to first token. */
  now?: () => number;
}

export interface Exchange {
  /** The reply so far (content only). */
  text(): string;
  /** The model's reasoning so far (thinking models). */
  thinking(): string;
  /** Aborts the request; the sink gets `stopped` and the partial text stays. */
  stop(): void;
  /** Settles when the exchange has ended, whichever way. */
  readonly finished: Promise<void>;
}

export function startExchange(opts: ExchangeOptions): Exchange {
  const controller = new AbortController();
  const parts: string[] = [];
  const thoughts: string[] = [];
  let started = false;
  const now = opts.now ?? (() => performance.now());
  // From this request's start, so a retry after starting Ollama counts from the retry.
  const requestedAt = now();
  let ttftMs: number | undefined;
  const watchdog = createWatchdog(opts.firstTokenTimeoutMs, opts.stallTimeoutMs, (cause) => controller.abort(new AbortedByUs(cause)));

  const run = async () => {
    try {
      for await (const piece of opts.api.chat(opts.model, opts.messages, controller.signal, opts.extra)) {
        watchdog.feed();
        if (piece.kind === 'done') return opts.sink.done(ttftMs === undefined ? piece.info : { ...piece.info, ttftMs });
        started = true;
        ttftMs ??= Math.max(0, Math.round(now() - requestedAt));
        if (piece.content) parts.push(piece.content);
        if (piece.thinking) thoughts.push(piece.thinking);
        opts.sink.chunk(piece.content, piece.thinking);
      }
      // The client throws when the stream ends without a done line; this is belt and braces.
      throw new Error('Did not receive done or success response in stream.');
    } catch (err) {
      const reason = controller.signal.reason;
      if (reason instanceof AbortedByUs && reason.why === 'user') return opts.sink.stopped();
      opts.sink.failed(
        classifyError(err, {
          baseUrl: opts.baseUrl,
          ...(opts.connection ? { connection: opts.connection } : {}),
          started,
          stallTimeoutMs: opts.stallTimeoutMs,
          firstTokenTimeoutMs: opts.firstTokenTimeoutMs,
        }),
      );
    } finally {
      watchdog.stop();
    }
  };

  return {
    text: () => parts.join(''),
    thinking: () => thoughts.join(''),
    stop: () => controller.abort(new AbortedByUs('user')),
    finished: run(),
  };
}
