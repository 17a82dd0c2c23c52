import { describe, expect, it, vi } from 'vitest';
import type { Attachment } from '../../../lib/attachments/types';
import { withStoredImages } from '../../../lib/background/image-history';
import { createImageStore } from '../../../lib/background/image-store';
import type { Conversation, ConversationId } from '../../../lib/conversations/contract';
import { createHistoryStore } from '../../../lib/history/store';
import type { StoredImage } from '../../../lib/storage/images';
import { memoryIO } from '../history/memory-io';

const photo: Attachment = { kind: 'image', title: 'p.jpg', mime: 'image/jpeg', width: 2, height: 1, data: 'AAAA' };
const at = '2026-01-01T00:00:00.000Z';
const question = { role: 'user' as const, content: 'what is it?', timestamp: at, attachments: [photo] };

function setup() {
  const mem = memoryIO();
  const kept = new Map<string, StoredImage>();
  const images = createImageStore({
    readImages: async (refs) => new Map(refs.flatMap((r) => (kept.has(r) ? [[r, kept.get(r) as StoredImage] as const] : []))),
    writeImages: async (m) => {
      for (const [k, v] of m) kept.set(k, v);
    },
  });
  const store = withStoredImages(createHistoryStore(mem.io, vi.fn()), images);
  const raw = (id: string) => mem.state.convs.get(id) as Conversation;
  return { store, kept, raw };
}

const onlyRef = (c: Conversation) => c.messages[0]?.attachments?.[0];

describe('history store with images kept apart', () => {
  it('a saved question keeps a ref, the bytes are stored under it', async () => {
    const { store, kept, raw } = setup();
    const saved = await store.save({ id: 'c1' as ConversationId, model: 'm', messages: [question] });
    const a = onlyRef(raw(saved.id));
    expect(a).toMatchObject({ kind: 'image', title: 'p.jpg' });
    expect(a && 'data' in a).toBe(false);
    expect(kept.get((a as { ref: string }).ref)).toEqual({ mime: 'image/jpeg', data: 'AAAA' });
  });

  it('a restore (undo delete) and an import store their images the same way', async () => {
    const { store, kept, raw } = setup();
    const conv: Conversation = { id: 'c2' as ConversationId, title: 't', model: 'm', messages: [question], created_at: at, updated_at: at };
    await store.restore(conv);
    expect(onlyRef(raw('c2'))).not.toHaveProperty('data');
    await store.imports.begin('imp');
    await store.imports.addBatch('imp', [{ ...conv, id: 'c3' as ConversationId }], new Set());
    expect(onlyRef(raw('c3'))).not.toHaveProperty('data');
    expect(kept.size).toBe(1);
  });
});
