/** One message in the panel. Only its own signals change while it streams. */
import { type ReadonlySignal, signal } from '@preact/signals';
import type { DoneInfo, Role } from '../../lib/protocol';
import { StreamText } from './stream-text';

/** streaming → done | stopped (user) | interrupted (failed after text) | failed (no text). */
export type MessageStatus = 'streaming' | 'done' | 'stopped' | 'interrupted' | 'failed';

export interface ChatMessage {
  readonly id: string;
  readonly role: Role;
  readonly model: string;
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
}

let counter = 0;
export const newId = (prefix: string) => `${prefix}-${Date.now().toString(36)}-${(counter++).toString(36)}`;

export function createMessage(role: Role, model: string, content = ''): MutableMessage {
  const status = signal<MessageStatus>(role === 'user' ? 'done' : 'streaming');
  const error = signal<string | null>(null);
  const info = signal<DoneInfo | null>(null);
  const text = new StreamText(content);
  return {
    id: newId('msg'),
    role,
    model,
    timestamp: new Date().toISOString(),
    text,
    thinking: new StreamText(),
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
  };
}
