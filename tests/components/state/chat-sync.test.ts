import { signal } from '@preact/signals';
import { describe, expect, it, vi } from 'vitest';
import { createChatSync } from '../../../components/state/chat-sync';
import type { Conversation } from '../../../lib/conversations/contract';

const stored = (updated_at: string) => ({ id: 'c1', title: 't', model: 'm', messages: [], created_at: 'c', updated_at }) as unknown as Conversation;

function setup() {
  const conversationId = signal<string | null>(null);
  const streaming = signal(false);
  const open = vi.fn((c: Conversation) => {
    conversationId.value = c.id;
  });
  const chat = { conversationId, streaming, open, sync: vi.fn() };
  let listed = 'v1';
  const fetch = vi.fn(async () => stored(listed));
  const sync = createChatSync({ chat, find: (id) => (id === 'c1' ? { updated_at: listed } : undefined), fetch });
  const list = (v: string) => {
    listed = v;
  };
  return { chat, streaming, fetch, sync, list };
}

describe('chat sync', () => {
  it('fetches the open conversation again only when its stored copy moved on, and not while it streams', async () => {
    const t = setup();
    t.sync.open(stored('v1'));
    await t.sync.check();
    expect(t.fetch).not.toHaveBeenCalled();
    t.list('v2');
    t.streaming.value = true;
    await t.sync.check();
    expect(t.fetch).not.toHaveBeenCalled();
    t.streaming.value = false;
    await t.sync.check();
    expect(t.chat.sync).toHaveBeenCalledWith(stored('v2'));
    await t.sync.check();
    expect(t.fetch).toHaveBeenCalledTimes(1);
  });

  it('a conflict refetches even when the index did not change', async () => {
    const t = setup();
    t.sync.open(stored('v1'));
    t.sync.refetch();
    await vi.waitFor(() => expect(t.chat.sync).toHaveBeenCalledWith(stored('v1')));
  });
});
