/** One message in the panel. Only its own signals change while it streams. */
import { type ReadonlySignal, signal } from '@preact/signals';
import type { DoneInfo, HistoryMessage, Role } from '../../lib/protocol';
import { StreamText } from './stream-text';

/** streaming → done | stopped (user) | interrupted (failed after text) | failed (no text). */
export type MessageStatus = 'streaming' | 'done' | 'stopped' | 'interrupted' | 'failed';

export interface ChatMessage {
  readonly id: string;
  readonly role: Role;
  readonly timestamp: string;
  readonly text: StreamText;
  readonly thinking: StreamText;
  readonly status: ReadonlySignal<MessageStatus>;
  readonly error: ReadonlySignal<string | null>;
  readonly info: ReadonlySignal<DoneInfo | null>;
}

/** The writable side, kept inside the chat model. */
export interface MutableMessage extends ChatMessage {
  finish(info: DoneInfo): void;
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
  status?: MessageStatus;
  timestamp?: string;
}

export function createMessage(role: Role, init: Init = {}): MutableMessage {
  const status = signal<MessageStatus>(init.status ?? (role === 'user' ? 'done' : 'streaming'));
  const error = signal<string | null>(null);
  const info = signal<DoneInfo | null>(null);
  const text = new StreamText(init.content);
  const msg: MutableMessage = {
    id: newId('msg'),
    role,
    timestamp: init.timestamp ?? new Date().toISOString(),
    text,
    thinking: new StreamText(init.thinking),
    status,
    error,
    info,
    finish(i) {
      info.value = i;
      status.value = 'done';
    },
    stop() {
      status.value = 'stopped';
    },
    fail(message) {
      error.value = message;
      status.value = text.value ? 'interrupted' : 'failed';
    },
    reset: (content, thinking) => createMessage(role, { content, thinking, timestamp: msg.timestamp }),
  };
  return msg;
}

/** A stored message as the panel shows it. */
export function fromHistory(m: HistoryMessage): MutableMessage {
  return createMessage(m.role, { content: m.content, thinking: m.thinking, timestamp: m.timestamp, status: m.status ?? 'done' });
}

/** What the background stores for a message; failed empty replies are left out by the caller. */
export function toHistory(m: ChatMessage): HistoryMessage {
  const status = m.status.peek();
  const thinking = m.thinking.value;
  return {
    role: m.role,
    content: m.text.value,
    timestamp: m.timestamp,
    ...(status === 'stopped' || status === 'interrupted' ? { status } : {}),
    ...(thinking ? { thinking } : {}),
  };
}
