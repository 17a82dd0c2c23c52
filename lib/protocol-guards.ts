/**
 * Shape checks for every message a panel sends, applied at `dispatch` in the background: a Port
 * carries whatever a page posts (an old panel after an update, a bug, a hostile extension page),
 * and a handler must never see a message whose fields are not what its type says.
 */
import { readStats } from './chat/stats';
import type { HistoryMessage } from './conversations/contract';
import { type BackgroundMessage, type Guards, IMPORT_BATCH_ITEMS, type PanelMessage } from './protocol';

type Fields = Record<string, unknown>;

const isString = (x: unknown): x is string => typeof x === 'string';
const nonEmpty = (x: unknown): x is string => isString(x) && x.length > 0;
const isObject = (x: unknown): x is Fields => typeof x === 'object' && x !== null && !Array.isArray(x);

export function isHistoryMessage(x: unknown): x is HistoryMessage {
  if (!isObject(x)) return false;
  return (
    (x.role === 'user' || x.role === 'assistant') &&
    isString(x.content) &&
    isString(x.timestamp) &&
    (x.thinking === undefined || isString(x.thinking)) &&
    (x.status === undefined || x.status === 'interrupted' || x.status === 'stopped') &&
    (x.stats === undefined || isObject(x.stats))
  );
}

/** The background checks a chat request's shape before it reaches Ollama. */
export function isValidChatStart(msg: Fields): boolean {
  const c = msg.conversation;
  return (
    nonEmpty(msg.requestId) &&
    nonEmpty(msg.model) &&
    isObject(c) &&
    nonEmpty(c.id) &&
    (c.title === undefined || isString(c.title)) &&
    (msg.base === null || isString(msg.base)) &&
    Array.isArray(msg.history) &&
    msg.history.length > 0 &&
    // Stats are saved as given: checked in full here, in the background only (the panel's bundle
    // does without the checker; it only shows stats).
    msg.history.every((m) => isHistoryMessage(m) && (m.stats === undefined || readStats(m.stats) !== null))
  );
}

const none = () => true;
const isCount = (x: unknown) => Number.isSafeInteger(x) && (x as number) >= 0;

export const PANEL_GUARDS: Guards<PanelMessage> = {
  'status/check': none,
  'chat/start': isValidChatStart,
  'chat/stop': (m) => nonEmpty(m.requestId),
  'chat/attach': (m) => m.conversationId === null || nonEmpty(m.conversationId),
  'history/rename': (m) => nonEmpty(m.id) && isString(m.title),
  'history/delete': (m) => nonEmpty(m.id),
  // Checked in full by parseConversations before anything is written.
  'history/restore': (m) => isObject(m.conversation),
  'history/get': (m) => nonEmpty(m.id),
  'history/search': (m) => isString(m.query),
  'selection/take': none,
  'recovery/start': (m) => m.start === undefined || typeof m.start === 'boolean',
  'host/status': none,
  'import/begin': (m) => nonEmpty(m.importId) && isCount(m.total),
  'import/batch': (m) =>
    nonEmpty(m.importId) && isCount(m.seq) && isCount(m.first) && Array.isArray(m.items) && m.items.length <= IMPORT_BATCH_ITEMS && m.items.every(isString),
  'import/commit': (m) => nonEmpty(m.importId),
  'import/cancel': (m) => nonEmpty(m.importId),
};

const isFailure = (x: unknown) => isObject(x) && isString(x.kind) && isString(x.message);
const optional = (x: unknown, check: (y: unknown) => boolean) => x === undefined || check(x);
const stringList = (x: unknown) => Array.isArray(x) && x.every(isString);

/**
 * The panel's side: what the background sends is ours, so these are shallow (field types, not
 * every nested value), cheap enough for each streamed chunk, and catch a panel and a background
 * from different versions (an update while the panel is open) before a handler misreads them.
 */
export const BACKGROUND_GUARDS: Guards<BackgroundMessage> = {
  status: (m) => isString(m.state) && Array.isArray(m.models) && isString(m.baseUrl) && optional(m.failure, isFailure),
  'chat/chunk': (m) => isString(m.requestId) && isString(m.content) && optional(m.thinking, isString),
  'chat/resume': (m) =>
    isString(m.requestId) && isString(m.conversationId) && Array.isArray(m.history) && m.history.every(isHistoryMessage) && isString(m.content) && isString(m.thinking),
  'chat/done': (m) => isString(m.requestId) && isObject(m.info) && optional(m.stats, isObject) && optional(m.version, isString),
  'chat/stopped': (m) => isString(m.requestId) && optional(m.version, isString),
  'chat/failed': (m) => isString(m.requestId) && isFailure(m.failure) && optional(m.version, isString),
  'chat/recovering': (m) => isString(m.requestId) && isString(m.message),
  'recovery/result': (m) => m.ok === true || (m.ok === false && isString(m.message)),
  'host/status': (m) => typeof m.installed === 'boolean',
  'history/problem': (m) => isString(m.message),
  'history/done': (m) => isString(m.action) && isString(m.message),
  'history/conversation': (m) => isString(m.id) && (m.conversation === null || isObject(m.conversation)),
  'history/results': (m) => isString(m.query) && stringList(m.ids),
  'selection/available': none,
  'selection/items': (m) => Array.isArray(m.items) && m.items.every(isObject),
  'import/ack': (m) => isString(m.importId) && isCount(m.seq) && isCount(m.done),
  'import/result': (m) => isString(m.importId) && (m.outcome === 'done' || m.outcome === 'cancelled' || m.outcome === 'failed') && isString(m.message),
};
