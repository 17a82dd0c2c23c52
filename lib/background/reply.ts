/**
 * One request's reply, from its first attempt to its saved end: streams each chunk to the panels
 * following it and checkpoints it, asks the retry policy after a failure, and ends with exactly
 * one terminal message, sent once the reply is saved (it carries the stored version).
 */
import { type Exchange, type ExchangeSink, startExchange } from '../chat/exchange';
import { capContext, type ContextCap } from '../chat/context-cap';
import { buildChatRequest, type ChatRequest } from '../chat/request';
import { statsFrom } from '../chat/stats';
import { truncatedTo } from '../chat/truncation';
import type { ReplyStats } from '../conversations/contract';
import type { Outcome, Recorder } from '../history/recorder';
import { isConnectionFailure } from '../ollama/errors';
import type { BackgroundMessage, Failure, PanelMessage, Post } from '../protocol';
import type { EnsureResult } from '../recovery/ensure';
import type { OllamaContext } from './context';
import { retryPolicy } from './retry-policy';

export type Start = Extract<PanelMessage, { type: 'chat/start' }>;
type Terminal = Extract<BackgroundMessage, { type: 'chat/done' | 'chat/stopped' | 'chat/failed' }>;

export interface ReplyDeps {
  msg: Start;
  ctx: OllamaContext;
  recorder: Recorder;
  /** Posts to every panel following this reply (the set grows as panels join). */
  toAll: Post;
  ensure(ctx: OllamaContext): Promise<EnsureResult>;
  sleep(ms: number): Promise<void>;
  /** The reply ended on a connection failure: the panels' status is stale. */
  onConnectionFailure(): void;
  /** The model's maximum context length, when known (lib/background/context-limits.ts). */
  maxContext?(ctx: OllamaContext, model: string): Promise<number | undefined>;
}

export interface Reply {
  /** The reply so far; empty until Ollama answers. */
  text(): string;
  thinking(): string;
  /** Stops it, also before it has started. */
  stop(): void;
  /** Asks Ollama; resolves once the reply is saved and its end was sent. */
  run(): Promise<void>;
}

/** The request as Ollama gets it (lib/chat/request.ts): system prompt first, then the history. */
function ask(msg: Start, ctx: OllamaContext, request: ChatRequest, sink: ExchangeSink): Exchange {
  const { messages, ...extra } = request;
  return startExchange({
    api: ctx.api,
    baseUrl: ctx.settings.baseUrl,
    ...(ctx.connection ? { connection: ctx.connection.name } : {}),
    model: msg.model,
    messages,
    extra,
    stallTimeoutMs: ctx.settings.stallTimeoutMs,
    firstTokenTimeoutMs: ctx.settings.firstTokenTimeoutMs,
    sink,
  });
}

/** The reply's one end: saved first, then told to its panels with the stored version. */
function ending(recorder: Recorder, toAll: Post, text: () => string, thinking: () => string) {
  let settle: () => void = () => {};
  const settled = new Promise<void>((resolve) => {
    settle = resolve;
  });
  const finish = (outcome: Outcome, then: Terminal, stats?: ReplyStats) =>
    void recorder.finish(outcome, text(), thinking(), stats).then((version) => {
      toAll(version ? { ...then, version } : then);
      settle();
    });
  return { finish, settled };
}

export function createReply(deps: ReplyDeps): Reply {
  const { msg, ctx, recorder, toAll } = deps;
  const { requestId } = msg;
  let exchange: Exchange | null = null;
  let stopped = false;
  const text = () => exchange?.text() ?? '';
  const thinking = () => exchange?.thinking() ?? '';
  const { finish, settled } = ending(recorder, toAll, text, thinking);
  const nextStep = retryPolicy({
    settings: ctx.settings,
    ensure: () => deps.ensure(ctx),
    sleep: deps.sleep,
    stopped: () => stopped,
    recovering: (message) => toAll({ type: 'chat/recovering', requestId, message }),
  });
  const failed = async (failure: Failure) => {
    const next = await nextStep(failure);
    if (next.kind === 'retry') exchange = attempt();
    else if (next.kind === 'stopped') finish('stopped', { type: 'chat/stopped', requestId });
    else {
      finish('interrupted', { type: 'chat/failed', requestId, failure: next.failure });
      if (isConnectionFailure(next.failure)) deps.onConnectionFailure();
    }
  };
  let request = buildChatRequest(msg.model, msg.history, msg.conversation.system, ctx.settings);
  let cap: ContextCap | null = null;
  // Only a set Context length is checked: without one Ollama picks what fits, and no /api/show is asked.
  const check = request.options?.num_ctx !== undefined ? deps.maxContext : undefined;
  const capped = async (max: (ctx: OllamaContext, model: string) => Promise<number | undefined>) => {
    ({ request, cap } = capContext(request, await max(ctx, msg.model).catch(() => undefined)));
  };
  const attempt = () =>
    ask(msg, ctx, request, {
      chunk: (content, thinking) => {
        toAll({ type: 'chat/chunk', requestId, content, thinking });
        if (exchange) recorder.checkpoint(exchange.text, exchange.thinking);
      },
      // Saved with the reply, so its footer is the same when the conversation is reopened.
      done: (info) => {
        // What Ollama read against what was sent: a cut prompt is said with the reply.
        const cut = truncatedTo(request.messages, request.options?.num_ctx, info.promptEvalCount);
        const stats = { ...statsFrom(msg.model, info), ...(cut ? { truncatedTo: cut } : {}), ...cap };
        finish('done', { type: 'chat/done', requestId, info, stats }, stats);
      },
      stopped: () => finish('stopped', { type: 'chat/stopped', requestId }),
      failed: (failure) => void failed(failure),
    });

  return {
    text,
    thinking,
    stop() {
      stopped = true;
      exchange?.stop();
    },
    run() {
      const begin = () => {
        if (stopped) finish('stopped', { type: 'chat/stopped', requestId });
        else exchange = attempt();
      };
      if (check) void capped(check).then(begin);
      else begin();
      return settled;
    },
  };
}
