/** Builders shared by the conversation tests: small, valid values with overridable fields. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Conversation, ConversationId, HistoryMessage } from '../../../lib/conversations/contract';

export const user = (content: string, extra: Partial<HistoryMessage> = {}): HistoryMessage => ({
  role: 'user',
  content,
  timestamp: '2026-01-01T10:00:00.000Z',
  ...extra,
});

export const assistant = (content: string, extra: Partial<HistoryMessage> = {}): HistoryMessage => ({
  role: 'assistant',
  content,
  timestamp: '2026-01-01T10:00:05.000Z',
  ...extra,
});

export function conv(id: string, updated_at: string, extra: Partial<Conversation> = {}): Conversation {
  return {
    id: id as ConversationId,
    title: `Title of ${id}`,
    model: 'llama3.2:latest',
    messages: [user(`Question ${id}`), assistant(`Answer ${id}`)],
    created_at: '2026-01-01T10:00:00.000Z',
    updated_at,
    ...extra,
  };
}

/** Freezes a value all the way down, so any mutation by the code under test throws. */
export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

export const ORIGINAL_DUMP = readFileSync(join(import.meta.dirname, 'fixtures', 'original-app-dump.json'), 'utf8');
