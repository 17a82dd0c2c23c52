/**
 * The only contract between the background and the panel. Every message on the Port is one of
 * these unions; both sides dispatch through a handler map keyed by `type`, never string chains.
 */

import type { Conversation, HistoryMessage, MessageVersion, ReplyStats, Role } from './conversations/contract';
import type { ModelsReply, ModelsRequest } from './protocol-models';
import type { Handoff } from './selection/handoff';

/** Name of the runtime.Port the panel opens to the background. */
export const PORT_NAME = 'ollama-chat/panel';

/** One turn as Ollama's /api/chat wants it: only role and content travel. */
export interface ChatTurn {
  role: Role;
  content: string;
}

/** Connection status as docs/spec/seed-system.md names it. */
export type ConnectionState = 'unknown' | 'running' | 'stopped';

/** A model as the panel needs it (subset of /api/tags). */
export interface ModelInfo {
  name: string;
  parameterSize?: string;
  capabilities?: string[];
}

/** Why a request to Ollama failed, classified once in lib/ollama/errors.ts. */
export type FailureKind =
  | 'refused' // nothing listening / network error before any reply
  | 'lost' // connection dropped after the reply started
  | 'timeout'
  | 'forbidden' // 403: the Origin trap
  | 'auth' // 401, 407: a proxy in front of Ollama refused the connection's headers
  | 'not-found' // 404 model
  | 'busy' // 503
  | 'bad-request' // other 4xx
  | 'server' // other 5xx or an {"error"} line mid-stream
  | 'stall' // no chunk for too long: we cancelled
  | 'invalid' // a request we refused to send (bad message from the panel)
  | 'conflict'; // the conversation is answering elsewhere, or changed since this panel read it

export interface Failure {
  kind: FailureKind;
  /** Text for the user, already explained. */
  message: string;
  status?: number;
}

/** Which conversation an exchange belongs to; the panel mints the id (conv-<ms>-<9 base36>). */
export interface ConversationRef {
  id: string;
  /** Set when the user renamed it, so a save keeps the name. */
  title?: string;
  /** The conversation's own system prompt, saved with it; absent: the global default applies. */
  system?: string;
  /** The id of the connection (lib/connections.ts) it talks to; absent: the default one. */
  connection?: string;
}

/**
 * Every request that reaches Ollama names the panel's connection by id (absent: the default);
 * the background resolves it from settings and never takes a URL from a panel.
 */
export interface ToConnection {
  connection?: string;
}

/** How a reply ended: Ollama's final chunk, plus `ttftMs`, which the background measures. */
export interface DoneInfo {
  doneReason: string;
  /** The model that answered, as Ollama names it. */
  model?: string;
  evalCount?: number;
  evalDurationNs?: number;
  totalDurationNs?: number;
  promptEvalCount?: number;
  ttftMs?: number;
}

// ---- Big imports: begin / batch / commit or cancel (lib/background/import-session.ts) ----
// The panel reads the file in slices and sends the items' JSON text in batches of at most
// IMPORT_BATCH_CHARS characters or IMPORT_BATCH_ITEMS items, never more than IMPORT_WINDOW
// unacknowledged, so no message nears the browser's limit (Chrome: 64 MiB) and memory stays
// bounded on both sides. An import is all or nothing: a cancel, a failure or a lost panel undoes it.
// Small messages: posting one costs the panel more than linearly in its size (Chromium 156,
// measured: 256 KiB ≈ 2.5 ms, 1 MiB ≈ 20 ms); the background writes batches that queue up together.

export const IMPORT_BATCH_CHARS = 256 * 1024;
export const IMPORT_BATCH_ITEMS = 500;
export const IMPORT_WINDOW = 4;

/** Panel → background. `total`: how many items the file holds (counted before any is sent). */
export type ImportMessage =
  | { type: 'import/begin'; importId: string; total: number }
  /** `items`: each item's JSON text, as in the file; `first`: the index in the file of items[0]. */
  | { type: 'import/batch'; importId: string; seq: number; first: number; items: string[] }
  /** Every batch was acknowledged: publish what was written. */
  | { type: 'import/commit'; importId: string }
  /** Stop and undo everything this import wrote. */
  | { type: 'import/cancel'; importId: string };

/** Background → panel. */
export type ImportReply =
  /** Batch `seq` is written; `done` items of the file are handled so far. */
  | { type: 'import/ack'; importId: string; seq: number; done: number }
  /** The end: done (published), cancelled or failed (both undone), said for the user. */
  | { type: 'import/result'; importId: string; outcome: 'done' | 'cancelled' | 'failed'; message: string };

// ---- end of big imports ----

/** Messages the panel sends. */
export type PanelMessage =
  | ImportMessage
  | (ModelsRequest & ToConnection)
  | ({ type: 'status/check' } & ToConnection)
  | {
      type: 'chat/start';
      requestId: string;
      model: string;
      conversation: ConversationRef;
      /**
       * `updated_at` of the stored copy this history was built from; null for a conversation never
       * saved. The background refuses the request when the stored copy has moved on, so a panel
       * with a stale copy never overwrites a newer reply.
       */
      base: string | null;
      /** The whole history, oldest first, ending with the new user message. */
      history: HistoryMessage[];
      /** Regenerate: the replies this one joins as the newest version (saved with it, never sent to Ollama). */
      replyVersions?: MessageVersion[];
    }
  | { type: 'chat/stop'; requestId: string }
  /**
   * This panel now shows this conversation (null: a new, empty chat). It joins the reply streaming
   * for it now, and any reply another panel starts for it later.
   */
  | { type: 'chat/attach'; conversationId: string | null }
  | { type: 'history/rename'; id: string; title: string }
  | { type: 'history/delete'; id: string }
  /** Undo of a delete: puts the conversation back as it was. */
  | { type: 'history/restore'; conversation: unknown }
  /** One whole conversation (the panel lists from the index and fetches only what it shows). */
  | { type: 'history/get'; id: string }
  | { type: 'history/search'; query: string }
  /** Show version `to` (0-based) of message `at` of the stored copy `base` (lib/conversations/versions.ts). */
  | { type: 'history/switch-version'; id: string; base: string; at: number; to: number }
  /** Hand me the selections waiting for a panel (each goes to exactly one panel, once). */
  | { type: 'selection/take' }
  /**
   * Layer 2: the connection dropped mid-reply; bring Ollama back if we can. `start`: the user
   * clicked Start Ollama, so it is started even with auto-start off.
   */
  | ({ type: 'recovery/start'; start?: boolean } & ToConnection)
  /** Is the native host installed, and which command would it run (display only). */
  | { type: 'host/status' }
  /** What /api/show says of this model (Settings shows its maximum context length). */
  | ({ type: 'model/show'; model: string } & ToConnection);

/** Messages the background sends. */
export type BackgroundMessage =
  | ImportReply
  | ModelsReply
  | {
      type: 'status';
      state: ConnectionState;
      models: ModelInfo[];
      baseUrl: string;
      /** The connection checked; the panel ignores a status of one it has switched away from. */
      connection?: string;
      /** Ollama's version, when it answered. */
      version?: string;
      failure?: Failure;
    }
  | { type: 'chat/chunk'; requestId: string; content: string; thinking?: string }
  /** A reply the panel joined: the messages before it and everything so far; chunks follow. */
  | { type: 'chat/resume'; requestId: string; conversationId: string; history: HistoryMessage[]; content: string; thinking: string }
  /** `version`: the stored copy's `updated_at` after the reply was saved (the next request's `base`). */
  /** `stats`: what is saved with the reply, for its footer (built by the background from `info`). */
  | { type: 'chat/done'; requestId: string; info: DoneInfo; stats?: ReplyStats; version?: string }
  | { type: 'chat/stopped'; requestId: string; version?: string }
  | { type: 'chat/failed'; requestId: string; failure: Failure; version?: string }
  | { type: 'recovery/result'; ok: true }
  | { type: 'recovery/result'; ok: false; message: string }
  | { type: 'host/status'; installed: boolean; command: string | null; url: string | null; error?: string }
  /** Layer 1 recovery is under way for this request (Ollama was down). */
  | { type: 'chat/recovering'; requestId: string; message: string }
  /** Saving history failed (e.g. "Storage quota exceeded") or stored data needed repair. */
  | { type: 'history/problem'; message: string }
  | { type: 'history/done'; action: 'rename' | 'delete' | 'restore'; message: string; deleted?: Conversation }
  | { type: 'history/conversation'; id: string; conversation: Conversation | null }
  | { type: 'history/results'; query: string; ids: string[] }
  /** A selection was queued: ask for it with selection/take. */
  | { type: 'selection/available' }
  | { type: 'selection/items'; items: Handoff[] }
  /** The answer to model/show; no contextLength when Ollama did not say or could not be asked. */
  | { type: 'model/facts'; model: string; contextLength?: number; capabilities: string[] };

/** How the background answers one panel: a post to that panel's Port. */
export type Post = (msg: BackgroundMessage) => void;

type AnyMessage = { type: string };

/** One handler per message type; the compiler insists every type is handled. */
export type Handlers<M extends AnyMessage> = {
  [K in M['type']]: (msg: Extract<M, { type: K }>) => void;
};

/** One shape check per message type (lib/protocol-guards.ts): what arrives over a Port is unknown. */
export type Guards<M extends AnyMessage> = {
  [K in M['type']]: (msg: Record<string, unknown>) => boolean;
};

/**
 * Calls the handler for `msg.type`; returns false for an unknown or malformed message. With
 * `guards`, a message whose fields do not have their types is refused before any handler sees it.
 */
export function dispatch<M extends AnyMessage>(handlers: Handlers<M>, msg: unknown, guards?: Guards<M>): boolean {
  if (typeof msg !== 'object' || msg === null) return false;
  const type = (msg as AnyMessage).type;
  if (typeof type !== 'string' || !Object.hasOwn(handlers, type)) return false;
  if (guards && !guards[type as M['type']](msg as Record<string, unknown>)) return false;
  (handlers[type as M['type']] as (m: M) => void)(msg as M);
  return true;
}
