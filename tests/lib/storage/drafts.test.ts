import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Draft } from '../../../lib/drafts';
import { readDrafts, watchDrafts, writeDrafts } from '../../../lib/storage/drafts';

const draft = (conversation: string | null, text: string, updatedAt: number): Draft => ({ conversation, text, updatedAt });

describe('drafts storage', () => {
  beforeEach(() => fakeBrowser.reset());

  it('reads nothing stored, and a damaged value, as no drafts', async () => {
    expect(await readDrafts()).toEqual([]);
    await fakeBrowser.storage.local.set({ ollama_chat_drafts: { conversation: 'a' } });
    expect(await readDrafts()).toEqual([]);
    await fakeBrowser.storage.local.set({ ollama_chat_drafts: [draft('a', 'hi', 1), 'junk'] });
    expect(await readDrafts()).toEqual([draft('a', 'hi', 1)]);
  });

  it('writes one conversation’s draft without losing another’s written meanwhile, in order', async () => {
    const first = writeDrafts(new Map([['a', draft('a', 'one', 1)]]));
    const second = writeDrafts(new Map([['b', draft('b', 'two', 2)]]));
    const third = writeDrafts(new Map([['a', null]]));
    await first;
    expect(await second).toEqual([draft('b', 'two', 2), draft('a', 'one', 1)]);
    expect(await third).toEqual([draft('b', 'two', 2)]);
    expect(await fakeBrowser.storage.local.get('ollama_chat_drafts')).toEqual({ ollama_chat_drafts: [draft('b', 'two', 2)] });
  });

  it('tells a watcher the drafts another page wrote', async () => {
    const seen = vi.fn();
    const unwatch = watchDrafts(seen);
    await fakeBrowser.storage.local.set({ ollama_chat_drafts: [draft(null, 'new chat', 3)] });
    await vi.waitFor(() => expect(seen).toHaveBeenLastCalledWith([draft(null, 'new chat', 3)]));
    unwatch();
  });
});
