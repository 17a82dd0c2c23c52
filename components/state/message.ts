/** One message in the panel. Only its own signals change while it streams. */
import { type ReadonlySignal, type Signal, signal } from '@preact/signals';
import type { Attachment } from '../../lib/attachments/types';
import type { HistoryMessage, MessageVersion, ReplyStats, Role } from '../../lib/conversations/contract';
import { versionPos } from '../../lib/conversations/versions';
import { StreamText } from './stream-text';

/** streaming → done | stopped (user) | interrupted (failed after text) | failed (no text). */
export type MessageState = 'streaming' | 'done' | 'stopped' | 'interrupted' | 'failed';

export interface ChatMessage {
  readonly id: string;
  readonly role: Role;
  readonly timestamp: string;
  readonly text: StreamText;
  readonly thinking: StreamText;
  readonly status: ReadonlySignal<MessageState>;
  readonly error: ReadonlySignal<string | null>;
  /** How a finished reply was produced (its footer); null until done, and on older data. */
  readonly stats: ReadonlySignal<ReplyStats | null>;
  /** The versions not shown (lib/conversations/versions.ts); a switch makes a new message. */
  readonly versions: readonly MessageVersion[];
  /** This message's place among its versions, 0-based. */
  readonly version: number;
  /** What the user attached to this question (a page, a selection, images). */
  readonly attachments: readonly Attachment[];
}

/** The writable side, kept inside the chat model. */
export interface MutableMessage extends ChatMessage {
  finish(stats: ReplyStats | null): void;
  stop(): void;
  fail(error: string): void;
  /** Replaces the text with everything so far (re-joining a reply). */
  reset(content: string, thinking: string): MutableMessage;
}

let counter = 0;
export const newId = (prefix: string) => `${prefix}-${Date.now().toString(36)}-${(counter++).toString(36)}`;

interface Init {
  content?: string;
  thinking?: string;
  status?: MessageState;
  timestamp?: string;
  stats?: ReplyStats;
  versions?: readonly MessageVersion[];
  version?: number;
  attachments?: readonly Attachment[];
  /** Kept across a version switch, so the view (and the focused arrow) stays in place. */
  id?: string;
}

/** Methods on a prototype, not closures per message: a long conversation holds a thousand. */
class Message implements MutableMessage {
  readonly id: string;
  readonly versions: readonly MessageVersion[];
  readonly version: number;
  readonly attachments: readonly Attachment[];
  readonly text: StreamText;
  readonly thinking: StreamText;
  readonly status: Signal<MessageState>;
  readonly error = signal<string | null>(null);
  readonly stats: Signal<ReplyStats | null>;

  constructor(
    readonly role: Role,
    init: Init,
    readonly timestamp = init.timestamp ?? new Date().toISOString(),
  ) {
    this.id = init.id ?? newId('msg');
    this.versions = init.versions ?? [];
    this.version = init.version ?? this.versions.length;
    this.attachments = init.attachments ?? [];
    this.status = signal(init.status ?? (role === 'user' ? 'done' : 'streaming'));
    this.stats = signal(init.stats ?? null);
    this.text = new StreamText(init.content);
    this.thinking = new StreamText(init.thinking);
  }

  finish(stats: ReplyStats | null): void {
    this.stats.value = stats;
    this.status.value = 'done';
    this.seal();
  }

  stop(): void {
    this.status.value = 'stopped';
    this.seal();
  }

  fail(message: string): void {
    this.error.value = message;
    this.status.value = this.text.value ? 'interrupted' : 'failed';
    this.seal();
  }

  /** After the status change, whose effects have taken every piece by then. */
  private seal(): void {
    this.text.seal();
    this.thinking.seal();
  }

  reset(content: string, thinking: string): MutableMessage {
    return createMessage(this.role, { content, thinking, timestamp: this.timestamp });
  }
}

export function createMessage(role: Role, init: Init = {}): MutableMessage {
  return new Message(role, init);
}

/** A stored message as the panel shows it. */
export const fromHistory = (m: HistoryMessage): MutableMessage => replacing(m);

/** A stored message taking over the view of message `id` (a version switch keeps focus there). */
export function replacing(m: HistoryMessage, id?: string): MutableMessage {
  return createMessage(m.role, {
    content: m.content,
    thinking: m.thinking,
    timestamp: m.timestamp,
    status: m.status ?? 'done',
    ...(m.stats ? { stats: m.stats } : {}),
    ...(m.versions?.length ? { versions: m.versions, version: versionPos(m) } : {}),
    ...(m.attachments?.length ? { attachments: m.attachments } : {}),
    ...(id ? { id } : {}),
  });
}

/** What the background stores for a message; failed empty replies are left out by the caller. */
export function toHistory(m: ChatMessage): HistoryMessage {
  const status = m.status.peek();
  const thinking = m.thinking.value;
  const stats = m.stats.peek();
  return {
    role: m.role,
    content: m.text.value,
    timestamp: m.timestamp,
    // A failed reply is stored only when it holds earlier versions: as the background's empty placeholder.
    ...(status === 'stopped' || status === 'interrupted' ? { status } : status === 'failed' ? { status: 'interrupted' as const } : {}),
    ...(thinking ? { thinking } : {}),
    // Sent back with the history of every later request, which the background saves as given.
    ...(stats ? { stats } : {}),
    ...(m.versions.length ? { versions: [...m.versions] } : {}),
    ...(m.versions.length && m.version < m.versions.length ? { version: m.version } : {}),
    ...(m.attachments.length ? { attachments: [...m.attachments] } : {}),
  };
}

/** What of the panel's list is stored: all but replies that failed before any text and hold no versions. */
export const isStored = (m: ChatMessage): boolean => m.status.peek() !== 'failed' || m.versions.length > 0;

/** Whether the panel shows what is stored. A reply that failed before any text (shown, with Retry) is never stored: not a difference. */
export function sameAsStored(all: readonly MutableMessage[], stored: { messages: readonly HistoryMessage[] }): boolean {
  const shown = all.filter(isStored);
  return (
    shown.length === stored.messages.length &&
    shown.every((m, i) => {
      const s = stored.messages[i];
      const h = toHistory(m);
      return (
        s &&
        s.role === h.role &&
        s.content === h.content &&
        s.status === h.status &&
        (s.versions?.length ?? 0) === m.versions.length &&
        versionPos(s) === m.version
      );
    })
  );
}
