/**
 * The one place that talks to Ollama, through `ollama/browser`. Used only by the background.
 */
import { Ollama } from 'ollama/browser';
import type { ChatRequest, WireTurn } from '../chat/request';
import type { DoneInfo, ModelInfo } from '../protocol';
import type { InstalledModel, LoadedModel } from '../protocol-models';
import type { PullLine } from '../pull-progress';
import { AbortedByUs } from './errors';

/** docs/spec/seed-system.md: the health check gives up after 2 s. */
export const TAGS_TIMEOUT_MS = 2_000;

/** One piece of a streamed reply. */
export type ChatPiece = { kind: 'chunk'; content: string; thinking?: string } | { kind: 'done'; info: DoneInfo };

type Fetch = typeof fetch;

// The client cannot abort a request before its headers arrive (model load can take minutes), so
// every request carries our own signal as well as the client's.
function fetchWith(signal: AbortSignal, base: Fetch): Fetch {
  return (input, init) => base(input, { ...init, signal: init?.signal ? AbortSignal.any([init.signal, signal]) : signal });
}

export interface OllamaApi {
  listModels(): Promise<ModelInfo[]>;
  /** Ollama's version string (GET /api/version), or null when it does not say. */
  version(): Promise<string | null>;
  /** `extra`: the model's parameters, sent as Ollama's `options` and `keep_alive`. */
  chat(model: string, messages: WireTurn[], signal: AbortSignal, extra?: Omit<ChatRequest, 'messages'>): AsyncIterable<ChatPiece>;
  /** What /api/show says of a model that the panel needs (optional: test doubles leave it out). */
  show?(model: string): Promise<ModelFacts>;
}

export interface ModelFacts {
  /** `model_info["<architecture>.context_length"]`; undefined when Ollama does not say. */
  contextLength?: number;
  capabilities: string[];
}

/**
 * The context length from /api/show's model_info, whose key is prefixed by the architecture.
 * The client types model_info as a Map; on the wire it is a plain JSON object.
 */
export function contextLengthOf(raw: unknown): number | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const info = raw as Record<string, unknown>;
  const arch = info['general.architecture'];
  const value = typeof arch === 'string' ? info[`${arch}.context_length`] : undefined;
  const found = value ?? Object.entries(info).find(([k]) => k.endsWith('.context_length'))?.[1];
  return Number.isSafeInteger(found) && (found as number) > 0 ? (found as number) : undefined;
}

/** `headers`: the connection's own (a bearer token for a reverse proxy), sent with every request. */
export function createOllamaApi(baseUrl: string, baseFetch: Fetch = fetch.bind(globalThis), headers: Record<string, string> = {}): OllamaApi {
  // Health-check style calls give up after TAGS_TIMEOUT_MS (docs/spec/seed-system.md).
  async function quick<T>(call: (client: Ollama) => Promise<T>): Promise<T> {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(new AbortedByUs('timeout')), TAGS_TIMEOUT_MS);
    try {
      return await call(new Ollama({ host: baseUrl, headers, fetch: fetchWith(controller.signal, baseFetch) }));
    } catch (e) {
      throw controller.signal.aborted ? controller.signal.reason : e;
    } finally {
      clearTimeout(timer);
    }
  }

  return {
    listModels: () =>
      quick(async (client) =>
        ((await client.list()).models ?? []).map((m) => ({
          name: m.name,
          parameterSize: m.details?.parameter_size,
          capabilities: (m as { capabilities?: string[] }).capabilities,
        })),
      ),

    version: () => quick(async (client) => (await client.version()).version ?? null).catch(() => null),

    show: (model) =>
      quick(async (client) => {
        const r = await client.show({ model });
        return { contextLength: contextLengthOf(r.model_info as unknown as Record<string, unknown> | undefined), capabilities: r.capabilities ?? [] };
      }),

    async *chat(model, messages, signal, extra) {
      const client = new Ollama({ host: baseUrl, headers, fetch: fetchWith(signal, baseFetch) });
      try {
        const params = { ...(extra?.options ? { options: extra.options } : {}), ...(extra?.keepAlive !== undefined ? { keep_alive: extra.keepAlive } : {}) };
        const stream = await client.chat({ model, messages, stream: true, ...params });
        for await (const part of stream) {
          const { content, thinking } = part.message ?? {};
          if (content || thinking) yield { kind: 'chunk', content: content ?? '', thinking: thinking || undefined };
          if (part.done) {
            yield {
              kind: 'done',
              info: {
                doneReason: part.done_reason ?? 'stop',
                model: part.model || model,
                evalCount: part.eval_count,
                evalDurationNs: part.eval_duration,
                totalDurationNs: part.total_duration,
                promptEvalCount: part.prompt_eval_count,
              },
            };
            return;
          }
        }
      } catch (e) {
        // An abort surfaces as a DOMException; report why we aborted instead.
        throw signal.aborted && signal.reason instanceof AbortedByUs ? signal.reason : e;
      }
    },
  };
}

/** What the Models view asks of Ollama (issue 14): a separate face, so chat's fakes stay small. */
export interface ModelsApi {
  /** /api/tags, each model completed by /api/show (context length, capabilities). */
  installed(): Promise<InstalledModel[]>;
  /** /api/ps: the models in memory now. */
  loaded(): Promise<LoadedModel[]>;
  /** /api/pull, streamed; ends when the stream does; an {"error"} line throws with Ollama's words. */
  pull(name: string, signal: AbortSignal): AsyncIterable<PullLine>;
  /** A generate with keep_alive 0: Ollama unloads the model at once. */
  unload(name: string): Promise<void>;
  /** DELETE /api/delete. */
  remove(name: string): Promise<void>;
}

export function createModelsApi(baseUrl: string, baseFetch: Fetch = fetch.bind(globalThis), headers: Record<string, string> = {}): ModelsApi {
  const client = (signal?: AbortSignal) => new Ollama({ host: baseUrl, headers, fetch: signal ? fetchWith(signal, baseFetch) : baseFetch });
  return {
    async installed() {
      const c = client();
      const models = (await c.list()).models ?? [];
      return Promise.all(
        models.map(async (m): Promise<InstalledModel> => {
          // A model /api/show cannot describe is still listed, with what /api/tags said.
          const show = await c.show({ model: m.name }).catch(() => null);
          return {
            name: m.name,
            size: m.size,
            family: show?.details?.family ?? m.details?.family,
            parameterSize: show?.details?.parameter_size ?? m.details?.parameter_size,
            quantization: show?.details?.quantization_level ?? m.details?.quantization_level,
            contextLength: contextLengthOf(show?.model_info),
            capabilities: show?.capabilities ?? (m as { capabilities?: string[] }).capabilities,
          };
        }),
      );
    },
    async loaded() {
      const { models } = await client().ps();
      return (models ?? []).map((m) => ({ name: m.name, size: m.size, sizeVram: m.size_vram, expiresAt: String(m.expires_at) }));
    },
    async *pull(name, signal) {
      try {
        for await (const line of await client(signal).pull({ model: name, stream: true })) yield line;
      } catch (e) {
        throw signal.aborted && signal.reason instanceof AbortedByUs ? signal.reason : e;
      }
    },
    async unload(name) {
      await client().generate({ model: name, prompt: '', keep_alive: 0, stream: false });
    },
    async remove(name) {
      await client().delete({ model: name });
    },
  };
}
