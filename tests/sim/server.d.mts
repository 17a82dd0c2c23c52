// Types for server.mjs. TypeScript pairs `./server.mjs` with this `.d.mts` (a `.d.ts` next to an
// `.mjs` is not looked up); server.d.ts re-exports it for `import … from './server'`.

/** A model the simulator reports as installed. */
export interface SimModel {
  name: string;
  family?: string;
  parameterSize?: string;
  /** default ['completion']; 'thinking' streams message.thinking first, 'tools' allows `tools` */
  capabilities?: string[];
}

/** Failures to inject; setFaults replaces the whole set. */
export interface SimFaults {
  /** stop listening: connections are refused (ECONNREFUSED) until cleared; then the SAME port listens again */
  refuse?: boolean;
  /** the next /api/chat that passes validation answers this instead (e.g. 503 busy) */
  status?: { code: number; body: string; contentType?: string };
  /** destroy the socket after N content tokens (no done line) */
  dieAfterTokens?: number;
  /** after N content tokens send one line {"error": message} and end the response (no done line); N=0: 500 JSON */
  errorAfterTokens?: { n: number; message: string };
  /** after N content tokens send nothing more; the connection stays open until the client aborts */
  stallAfterTokens?: number;
  /** after N content tokens send nothing for `ms`, then go on with the reply (a long pause mid-reply) */
  pauseAfterTokens?: { n: number; ms: number };
  /** interleave unparseable lines between real lines (each ends with \n) */
  garbageLines?: boolean;
  /** chat faults (status/die/error/stall/garbage) apply to the next /api/chat only, then clear themselves */
  once?: boolean;
}

export interface SimOptions {
  /** default '127.0.0.1' */
  host?: string;
  /** default 0 (ephemeral) */
  port?: number;
  /** default: llama3.2:latest (completion,tools), qwen3:0.6b (completion,thinking), llama3:latest */
  models?: SimModel[];
  /** like OLLAMA_ORIGINS, put in front of the default allow list; '*' allows all; one '*' wildcard per entry */
  allowOrigins?: string[];
  /** default 50; 0 or Infinity = as fast as possible */
  tokensPerSecond?: number;
  /** default 0: model load time before status + headers + first line */
  firstTokenDelayMs?: number;
  /** default 30: length of the generated reply in tokens */
  replyTokens?: number;
  /** overrides the generated text; it is streamed as splitTokens(text) */
  reply?: (req: { model: string; messages: { role: string; content: string }[] }) => string;
  /**
   * Called for each content token (0-based `index`, thinking excluded) of a streamed reply, right
   * after the last byte of its line was handed to the socket; `sentAtMs` is
   * `performance.timeOrigin + performance.now()` taken just before that write, the same clock a
   * browser page reads on this machine. Passing `undefined` to configure() removes it.
   */
  onToken?: (index: number, text: string, sentAtMs: number) => void;
  /** default false: when true each NDJSON line leaves in one write, never cut or held back (as a
   * local Ollama flushes them), so that high token rates keep their pace (no ms timers between pieces) */
  wholeLines?: boolean;
  /** seed of the PRNG that picks chunk split offsets (default 1) */
  seed?: number;
  faults?: SimFaults;
  /** default '0.32.15' */
  version?: string;
}

/** One request as received, with the status it was answered with. */
export interface SimRequest {
  method: string;
  /** pathname, without the query */
  path: string;
  origin: string | undefined;
  headers: Record<string, string | string[] | undefined>;
  /** parsed JSON when the body is JSON, the raw text otherwise, undefined when empty */
  body: unknown;
  status: number;
}

export interface Simulator {
  /** 'http://127.0.0.1:PORT' */
  readonly url: string;
  readonly port: number;
  /** every request, in order, with the status answered */
  readonly requests: SimRequest[];
  /** change options at runtime (faults here are applied without waiting: prefer setFaults) */
  configure(opts: Partial<Omit<SimOptions, 'host' | 'port'>>): void;
  /** replaces faults; resolves once the listening/refusing state is in effect */
  setFaults(f: SimFaults): Promise<void>;
  /** /api/chat responses currently being written (including the model-load wait) */
  activeStreams(): number;
  /** resolves with the first matching request, already received or later; rejects after timeoutMs (default 5000) or on close */
  waitForRequest(pred: (r: SimRequest) => boolean, timeoutMs?: number): Promise<SimRequest>;
  /** closes the server and destroys open sockets */
  close(): Promise<void>;
}

export function startSimulator(opts?: SimOptions): Promise<Simulator>;

/** The deterministic default reply: `Echo: <last user message>` then filler (emoji, CJK) up to `tokens` tokens. */
export function defaultReply(messages: { role: string; content: string }[], tokens: number): string;

/** How a reply is cut into streamed tokens: words with their leading whitespace; they concatenate to `text`. */
export function splitTokens(text: string): string[];
