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

  it('writes one conversation’s draft without losing another’s written meanwhile, newest first', async () => {
    expect(await writeDrafts(new Map([['a', draft('a', 'one', 1)]]))).toEqual([draft('a', 'one', 1)]);
    expect(await writeDrafts(new Map([['b', draft('b', 'two', 2)]]))).toEqual([draft('b', 'two', 2), draft('a', 'one', 1)]);
    // Another page wrote meanwhile: read just before, it is kept.
    await fakeBrowser.storage.local.set({ ollama_chat_drafts: [draft('c', 'other page', 3), draft('b', 'two', 2), draft('a', 'one', 1)] });
    const written = [draft('c', 'other page', 3), draft('b', 'two', 2)];
    expect(await writeDrafts(new Map([['a', null]]))).toEqual(written);
    expect(await fakeBrowser.storage.local.get('ollama_chat_drafts')).toEqual({ ollama_chat_drafts: written });
  });

  it('typing while a write runs costs one more write, with the newest text of each conversation', async () => {
    const set = vi.spyOn(fakeBrowser.storage.local, 'set');
    const get = vi.spyOn(fakeBrowser.storage.local, 'get');
    const first = writeDrafts(new Map([['a', draft('a', 'h', 1)]]));
    // The first write is under way (it reads before it writes): what follows waits for it.
    await vi.waitFor(() => expect(get).toHaveBeenCalled());
    const keys = ['he', 'hel', 'hell', 'hello'].map((text, i) => writeDrafts(new Map([['a', draft('a', text, 2 + i)]])));
    const other = writeDrafts(new Map([['b', draft('b', 'there', 9)]]));
    expect(await first).toEqual([draft('a', 'h', 1)]);
    const last = [draft('b', 'there', 9), draft('a', 'hello', 5)];
    for (const k of keys) expect(await k).toEqual(last);
    expect(await other).toEqual(last);
    expect(set).toHaveBeenCalledTimes(2);
    expect(await readDrafts()).toEqual(last);
  });

  it('tells a watcher the drafts another page wrote', async () => {
    const seen = vi.fn();
    const unwatch = watchDrafts(seen);
    await fakeBrowser.storage.local.set({ ollama_chat_drafts: [draft(null, 'new chat', 3)] });
    await vi.waitFor(() => expect(seen).toHaveBeenLastCalledWith([draft(null, 'new chat', 3)]));
    unwatch();
  });
});
