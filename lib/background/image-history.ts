/**
 * The history store with images kept apart (lib/background/image-store.ts): every way a
 * conversation is written (save, restore, import) stashes its images first. A wrapper, so the
 * store itself stays about conversations.
 */
import type { Conversation } from '../conversations/contract';
import type { HistoryStore } from '../history/store';
import type { ImageStore } from './image-store';

async function stashOne<T extends { messages: Conversation['messages'] }>(images: ImageStore, c: T): Promise<T> {
  return { ...c, messages: await images.stash(c.messages) };
}

export function withStoredImages(store: HistoryStore, images: ImageStore): HistoryStore {
  return {
    ...store,
    save: async (draft, expected) => store.save(await stashOne(images, draft), expected),
    restore: async (conversation) => store.restore(await stashOne(images, conversation)),
    imports: {
      ...store.imports,
      addBatch: async (id, incoming, taken) => store.imports.addBatch(id, await Promise.all(incoming.map((c) => stashOne(images, c))), taken),
    },
  };
}
