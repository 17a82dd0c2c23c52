/**
 * The conversation-history contract (docs/spec/seed-system.md, "Conversations: the storage contract"):
 * the stored shape, ids, titles and ordering. Pure functions only; storage I/O lives elsewhere.
 * The same JSON array is the export/import format, so the original app's dump must stay valid.
 */

import type { Attachment } from '../attachments/types';

export type ConversationId = string & { readonly __brand: 'ConversationId' };

/** Who wrote a message. */
export type Role = 'user' | 'assistant';

/** Why an assistant reply is incomplete; absent on complete replies and on the original's data. */
export type MessageStatus = 'interrupted' | 'stopped';

/**
 * How a finished reply was produced, from Ollama's final chunk plus the time to its first token
 * (measured by the background). Absent on the original's data and on unfinished replies.
 */
export interface ReplyStats {
  model: string;
  /** Tokens generated, and the time spent generating them (nanoseconds, as Ollama reports). */
  evalCount?: number;
  evalDurationNs?: number;
  /** The whole request as Ollama timed it, model load and prompt included. */
  totalDurationNs?: number;
  /** Tokens of prompt Ollama read (a prompt cut to the context window shows here). */
  promptEvalCount?: number;
  /** From sending the request to the first content or thinking chunk, in milliseconds. */
  ttftMs?: number;
  /** Ollama cut the prompt: the model saw only its last this many tokens (lib/chat/truncation.ts). */
  truncatedTo?: number;
  /** The Context length set, above the model's maximum, and the maximum sent instead (lib/chat/context-cap.ts). */
  numCtxAsked?: number;
  numCtxCappedTo?: number;
}

/**
 * One message as it is stored, and as it travels between panel and background (the whole
 * history goes with each chat request; only role and content go on to Ollama).
 */
export interface HistoryMessage {
  role: Role;
  content: string;
  timestamp: string;
  status?: MessageStatus;
  thinking?: string;
  stats?: ReplyStats;
  /**
   * The alternatives to this message not shown (lib/conversations/versions.ts): other replies to
   * the same question, or other questions, each with what followed it. Absent on the original's data.
   */
  versions?: MessageVersion[];
  /** Where this message sits among its versions (0-based); absent: after them all (the newest). */
  version?: number;
  /** What the user put next to the question (lib/attachments/types.ts); absent on the original's data. */
  attachments?: Attachment[];
}

/** A version of a message that is not on the visible path, with what followed it then. */
export interface MessageVersion {
  content: string;
  timestamp: string;
  status?: MessageStatus;
  thinking?: string;
  stats?: ReplyStats;
  attachments?: Attachment[];
  rest?: HistoryMessage[];
}

export interface Conversation {
  id: ConversationId;
  title: string;
  model: string;
  messages: HistoryMessage[];
  created_at: string;
  updated_at: string;
  /** Its own system prompt (issue 14); absent on the original's data and when the default applies. */
  system?: string;
  /**
   * The id of its connection (lib/connections.ts, issue 14): only the id, never a URL or a header,
   * so an export carries no credentials. Absent (older data, an import): the default connection.
   */
  connection?: string;
}

/** The storage key; the original app used the same name in localStorage. */
export const CONVERSATIONS_KEY = 'ollama_chat_conversations';

/** The title of a conversation with no user message yet (the original's wording). */
export const UNTITLED = 'Untitled Conversation';
const TITLE_MAX = 50;
const ID_RANDOM_LENGTH = 9;

/** A fresh id: "conv-<ms timestamp>-<9 base36 chars>". */
export function newConversationId(now: number = Date.now(), random: () => number = Math.random): ConversationId {
  let suffix = '';
  for (let i = 0; i < ID_RANDOM_LENGTH; i++) {
    // min() guards a random() that returns 1, which would produce the two-char digit "10".
    suffix += Math.min(35, Math.floor(random() * 36)).toString(36);
  }
  return `conv-${Math.max(0, Math.trunc(now))}-${suffix}` as ConversationId;
}

/**
 * Brands a string as an id. Only non-emptiness is checked: ids in imported dumps came from other
 * builds of the original app and may not match our own format, and rejecting them would lose data.
 */
export function asConversationId(s: string): ConversationId | null {
  return typeof s === 'string' && s.length > 0 ? (s as ConversationId) : null;
}

/**
 * The automatic title: the first user message's first 50 characters, '...' when longer.
 * Like the original, the content is not trimmed; unlike String.slice, we count code points so an
 * emoji (a surrogate pair) is never cut in half. A blank first message gives no usable title,
 * unless it was sent with an attachment: then that is what it is about (its title).
 */
export function titleFor(messages: readonly HistoryMessage[]): string {
  const first = messages.find((m) => m.role === 'user');
  const text = first?.content.trim() ? first.content : (first?.attachments?.find((a) => a.title.trim())?.title ?? '');
  if (text.trim() === '') return UNTITLED;
  let head = '';
  let count = 0;
  // Stops after 51 code points, so a huge pasted message costs nothing.
  for (const ch of text) {
    if (count === TITLE_MAX) return `${head}...`;
    head += ch;
    count++;
  }
  return head;
}

const timeOf = (iso: string): number => Date.parse(iso);

/** A copy ordered by updated_at, newest first; unparseable dates go last; ties keep their order. */
export function sortNewestFirst(list: readonly Conversation[]): Conversation[] {
  const keyed = list.map((conv) => ({ conv, t: timeOf(conv.updated_at) }));
  // Array.prototype.sort is stable, so equal keys keep their input order.
  keyed.sort((a, b) => {
    const aBad = Number.isNaN(a.t);
    const bBad = Number.isNaN(b.t);
    if (aBad || bBad) return aBad === bBad ? 0 : aBad ? 1 : -1;
    return b.t - a.t;
  });
  return keyed.map((k) => k.conv);
}

/** What a caller saves: id, created_at and title may be missing and are then filled in. */
export type ConversationDraft = Omit<Conversation, 'id' | 'created_at' | 'updated_at' | 'title'> & Partial<Pick<Conversation, 'id' | 'created_at' | 'title'>>;

function chooseTitle(given: string | undefined, messages: readonly HistoryMessage[], existing?: Conversation): string {
  if (given?.trim()) return given;
  // A caller that omits the title must not undo a rename made elsewhere (another panel, the list):
  // a stored title that differs from the automatic one was set by the user.
  if (existing?.title.trim() && existing.title !== titleFor(existing.messages)) return existing.title;
  return titleFor(messages);
}

/** Saves a conversation into the list (insert or replace by id) and returns both. */
export function upsertConversation(
  list: readonly Conversation[],
  conv: ConversationDraft,
  now: Date = new Date(),
): { list: Conversation[]; saved: Conversation } {
  const { id: givenId, title: givenTitle, created_at: givenCreated, model, messages, ...extra } = conv;
  const id = givenId || newConversationId(now.getTime());
  const existing = list.find((c) => c.id === id);
  const saved: Conversation = {
    ...extra,
    id,
    title: chooseTitle(givenTitle, messages, existing),
    model,
    messages: messages.map((m) => ({ ...m })),
    created_at: existing?.created_at ?? givenCreated ?? now.toISOString(),
    updated_at: now.toISOString(),
  };
  return { list: sortNewestFirst([saved, ...list.filter((c) => c.id !== id)]), saved };
}

/** The list without the conversation with this id. */
export function removeConversation(list: readonly Conversation[], id: ConversationId): Conversation[] {
  return list.filter((c) => c.id !== id);
}

/**
 * Renames one conversation (trimmed; blank restores the automatic title). updated_at moves to
 * now so the rename wins over an older copy in a later import (merge keeps the newer one).
 */
export function renameConversation(list: readonly Conversation[], id: ConversationId, title: string, now: Date = new Date()): Conversation[] {
  if (!list.some((c) => c.id === id)) return [...list];
  const renamed = list.map((c) => (c.id === id ? { ...c, title: title.trim() || titleFor(c.messages), updated_at: now.toISOString() } : c));
  return sortNewestFirst(renamed);
}
