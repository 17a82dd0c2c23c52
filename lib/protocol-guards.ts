/**
 * Shape checks for every message a panel sends, applied at `dispatch` in the background: a Port
 * carries whatever a page posts (an old panel after an update, a bug, a hostile extension page),
 * and a handler must never see a message whose fields are not what its type says.
 */
import type { Guards, HistoryMessage, PanelMessage } from './protocol';

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
    (x.status === undefined || x.status === 'interrupted' || x.status === 'stopped')
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
    msg.history.every(isHistoryMessage)
  );
}

const none = () => true;

export const PANEL_GUARDS: Guards<PanelMessage> = {
  'status/check': none,
  'chat/start': isValidChatStart,
  'chat/stop': (m) => nonEmpty(m.requestId),
  'chat/attach': (m) => m.conversationId === null || nonEmpty(m.conversationId),
  'history/rename': (m) => nonEmpty(m.id) && isString(m.title),
  'history/delete': (m) => nonEmpty(m.id),
  // Checked in full by parseConversations before anything is written.
  'history/restore': (m) => isObject(m.conversation),
  'history/import': (m) => 'conversations' in m,
  'history/get': (m) => nonEmpty(m.id),
  'history/search': (m) => isString(m.query),
  'selection/take': none,
  'recovery/start': none,
  'host/status': none,
};
