/**
 * Shape checks for every message a panel sends, applied at `dispatch` in the background: a Port
 * carries whatever a page posts (an old panel after an update, a bug, a hostile extension page),
 * and a handler must never see a message whose fields are not what its type says.
 */
import { isAttachmentList } from './attachments/sanitize';
import { readStats } from './chat/stats';
import type { HistoryMessage } from './conversations/contract';
import { type BackgroundMessage, type Guards, IMPORT_BATCH_ITEMS, type PanelMessage } from './protocol';
import { MODELS_BACKGROUND_GUARDS, MODELS_PANEL_GUARDS } from './protocol-models-guards';

type Fields = Record<string, unknown>;

const isString = (x: unknown): x is string => typeof x === 'string';
const nonEmpty = (x: unknown): x is string => isString(x) && x.length > 0;
export const isObject = (x: unknown): x is Fields => typeof x === 'object' && x !== null && !Array.isArray(x);

export function isHistoryMessage(x: unknown): x is HistoryMessage {
  if (!isObject(x)) return false;
  return (
    (x.role === 'user' || x.role === 'assistant') &&
    isString(x.content) &&
    isString(x.timestamp) &&
    (x.thinking === undefined || isString(x.thinking)) &&
    (x.status === undefined || x.status === 'interrupted' || x.status === 'stopped') &&
    (x.stats === undefined || isObject(x.stats)) &&
    (x.attachments === undefined || isAttachmentList(x.attachments))
  );
}

// Stats are saved as given and shown as numbers: checked in full, not only as an object.
const isFullMessage = (m: unknown): boolean =>
  isHistoryMessage(m) && (m.stats === undefined || readStats(m.stats) !== null) && (m.versions === undefined || isVersionList(m.versions));

// Versions are saved as given too: each is a message without its role, with what followed it.
const isVersion = (v: unknown): boolean =>
  isObject(v) && isFullMessage({ ...v, role: 'user' }) && (v.rest === undefined || (Array.isArray(v.rest) && v.rest.every(isFullMessage)));
const isVersionList = (x: unknown): boolean => Array.isArray(x) && x.every(isVersion);
const isIndex = (x: unknown) => Number.isSafeInteger(x) && (x as number) >= 0;

/** The background checks a chat request's shape before it reaches Ollama. */
export function isValidChatStart(msg: Fields): boolean {
  const c = msg.conversation;
  return (
    nonEmpty(msg.requestId) &&
    nonEmpty(msg.model) &&
    isObject(c) &&
    nonEmpty(c.id) &&
    (c.title === undefined || isString(c.title)) &&
    (c.system === undefined || isString(c.system)) &&
    (c.connection === undefined || nonEmpty(c.connection)) &&
    (msg.base === null || isString(msg.base)) &&
    Array.isArray(msg.history) &&
    msg.history.length > 0 &&
    msg.history.every(isFullMessage) &&
    (msg.replyVersions === undefined || isVersionList(msg.replyVersions))
  );
}

const none = () => true;
/** The optional connection id of a request that reaches Ollama (ToConnection). */
const toConnection = (m: Fields) => m.connection === undefined || nonEmpty(m.connection);
const isCount = (x: unknown) => Number.isSafeInteger(x) && (x as number) >= 0;

function withConnection<G extends Record<string, (m: Fields) => boolean>>(guards: G): G {
  return Object.fromEntries(Object.entries(guards).map(([type, check]) => [type, (m: Fields) => check(m) && toConnection(m)])) as G;
}

export const PANEL_GUARDS: Guards<PanelMessage> = {
  ...withConnection(MODELS_PANEL_GUARDS),
  'status/check': toConnection,
  'chat/start': isValidChatStart,
  'chat/stop': (m) => nonEmpty(m.requestId),
  'chat/attach': (m) => m.conversationId === null || nonEmpty(m.conversationId),
  'history/rename': (m) => nonEmpty(m.id) && isString(m.title),
  'history/delete': (m) => nonEmpty(m.id),
  // Checked in full by parseConversations before anything is written.
  'history/restore': (m) => isObject(m.conversation),
  'history/get': (m) => nonEmpty(m.id),
  'history/search': (m) => isString(m.query),
  'history/switch-version': (m) => nonEmpty(m.id) && isString(m.base) && isIndex(m.at) && isIndex(m.to),
  'selection/take': none,
  'recovery/start': (m) => (m.start === undefined || typeof m.start === 'boolean') && toConnection(m),
  'host/status': none,
  'model/show': (m) => nonEmpty(m.model) && toConnection(m),
  'import/begin': (m) => nonEmpty(m.importId) && isCount(m.total),
  'import/batch': (m) =>
    nonEmpty(m.importId) && isCount(m.seq) && isCount(m.first) && Array.isArray(m.items) && m.items.length <= IMPORT_BATCH_ITEMS && m.items.every(isString),
  'import/commit': (m) => nonEmpty(m.importId),
  'import/cancel': (m) => nonEmpty(m.importId),
};

const optional = (x: unknown, check: (y: unknown) => boolean) => x === undefined || check(x);
const orNull = (x: unknown, check: (y: unknown) => boolean) => x === null || check(x);
const oneOf =
  <T>(...values: T[]) =>
  (x: unknown) =>
    values.includes(x as T);
const stringList = (x: unknown) => Array.isArray(x) && x.every(isString);
const isFailure = (x: unknown) => isObject(x) && isString(x.kind) && isString(x.message) && optional(x.status, (s) => typeof s === 'number');
const isModel = (x: unknown) => isObject(x) && isString(x.name) && optional(x.parameterSize, isString) && optional(x.capabilities, stringList);
const isStats = (x: unknown) => readStats(x) !== null;
const isSelection = (x: unknown) =>
  isObject(x) && isString(x.text) && typeof x.originalLength === 'number' && typeof x.truncated === 'boolean' && isString(x.pageTitle) && isString(x.pageUrl);
const isImageHandoff = (x: Record<string, unknown>) =>
  x.kind === 'image' && (isString(x.problem) || (isObject(x.image) && x.image.kind === 'image' && isAttachmentList([x.image])));
const isPageHandoff = (x: Record<string, unknown>) =>
  x.kind === 'page' && optional(x.refusal, isString) && optional(x.attachment, (a) => isAttachmentList([a]) && (a as { kind: unknown }).kind === 'page');
const isHandoff = (x: unknown) =>
  isObject(x) &&
  isString(x.id) &&
  (isImageHandoff(x) || isPageHandoff(x) || (isSelection(x.selection) && (x.kind === 'ask' || (x.kind === 'send' && isString(x.title) && isString(x.prompt)))));

/**
 * The panel's side: every field a handler reads has the type its message says, so a panel and a
 * background from different versions (an update while the panel is open) never misread each
 * other. What comes once (a status, a resumed history, a reply's stats) is checked in full; a
 * streamed chunk, many a second, is two string checks.
 */
export const BACKGROUND_GUARDS: Guards<BackgroundMessage> = {
  ...MODELS_BACKGROUND_GUARDS,
  status: (m) =>
    oneOf('unknown', 'running', 'stopped')(m.state) &&
    Array.isArray(m.models) &&
    m.models.every(isModel) &&
    isString(m.baseUrl) &&
    optional(m.connection, isString) &&
    optional(m.version, isString) &&
    optional(m.failure, isFailure),
  'chat/chunk': (m) => isString(m.requestId) && isString(m.content) && optional(m.thinking, isString),
  'chat/resume': (m) =>
    isString(m.requestId) &&
    isString(m.conversationId) &&
    Array.isArray(m.history) &&
    m.history.every(isFullMessage) &&
    isString(m.content) &&
    isString(m.thinking),
  'chat/done': (m) => isString(m.requestId) && isObject(m.info) && isString(m.info.doneReason) && optional(m.stats, isStats) && optional(m.version, isString),
  'chat/stopped': (m) => isString(m.requestId) && optional(m.version, isString),
  'chat/failed': (m) => isString(m.requestId) && isFailure(m.failure) && optional(m.version, isString),
  'chat/recovering': (m) => isString(m.requestId) && isString(m.message),
  'recovery/result': (m) => m.ok === true || (m.ok === false && isString(m.message)),
  'host/status': (m) => typeof m.installed === 'boolean' && orNull(m.command, isString) && orNull(m.url, isString) && optional(m.error, isString),
  'history/problem': (m) => isString(m.message),
  'history/done': (m) => oneOf('rename', 'delete', 'restore')(m.action) && isString(m.message) && optional(m.deleted, isObject),
  'history/conversation': (m) => isString(m.id) && (m.conversation === null || isObject(m.conversation)),
  'history/results': (m) => isString(m.query) && stringList(m.ids),
  'selection/available': none,
  'selection/items': (m) => Array.isArray(m.items) && m.items.every(isHandoff),
  'model/facts': (m) => isString(m.model) && optional(m.contextLength, isCount) && stringList(m.capabilities),
  'import/ack': (m) => isString(m.importId) && isCount(m.seq) && isCount(m.done),
  'import/result': (m) => isString(m.importId) && oneOf('done', 'cancelled', 'failed')(m.outcome) && isString(m.message),
};
