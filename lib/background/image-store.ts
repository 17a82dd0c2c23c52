/**
 * The background's side of stored images (lib/storage/images.ts): bytes out of a conversation
 * before it is saved, back in before Ollama is asked. Every save passes through `stash`, so no
 * conversation record ever carries megabytes of base64, whichever path wrote it (a question, a
 * restore after delete, a version switch, an import).
 */
import type { ImageAttachment } from '../attachments/types';
import type { HistoryMessage } from '../conversations/contract';
import { imageRef, imagesIn, mapImages } from '../images/refs';
import type { StoredImage } from '../storage/images';

export interface ImageIO {
  readImages(refs: readonly string[]): Promise<Map<string, StoredImage>>;
  writeImages(images: ReadonlyMap<string, StoredImage>): Promise<void>;
}

export interface ImageStore {
  /** `messages` with each image's bytes stored and replaced by its `ref`. */
  stash(messages: readonly HistoryMessage[]): Promise<HistoryMessage[]>;
  /**
   * `messages` with each stored image's bytes filled in; one whose bytes are gone (or unreadable)
   * stays without: Ollama is sent the rest, the question is not refused for it.
   */
  fill(messages: readonly HistoryMessage[]): Promise<HistoryMessage[]>;
  /** Refs written since this background started: a sweep must not take them before their conversation is saved. */
  fresh(): ReadonlySet<string>;
}

const withoutData = ({ data: _data, ...rest }: ImageAttachment): ImageAttachment => rest;

// The memo's keys are the images' base64 (about 200 KB each): a Firefox event page can live for
// hours, so only the images of the last few questions are remembered, the oldest dropped first.
export const KNOWN_IMAGES = 32;

export function createImageStore(io: ImageIO): ImageStore {
  // data → ref for images already stored: a reply's checkpoints re-save the same question every
  // second, and hashing or writing its image again each time would be waste.
  const known = new Map<string, string>();
  const remember = (data: string, ref: string) => {
    known.delete(data);
    known.set(data, ref);
    for (const oldest of known.keys()) {
      if (known.size <= KNOWN_IMAGES) break;
      known.delete(oldest);
    }
  };
  const written = new Set<string>();
  return {
    async stash(messages) {
      const carrying = imagesIn(messages).filter((a) => a.data);
      if (!carrying.length) return [...messages];
      const toWrite = new Map<string, StoredImage>();
      const refs = new Map<string, string>();
      for (const a of carrying) {
        const data = a.data as string;
        let ref = refs.get(data) ?? known.get(data);
        if (!ref) {
          ref = await imageRef(data);
          toWrite.set(ref, { mime: a.mime, data });
        }
        refs.set(data, ref);
        remember(data, ref);
      }
      await io.writeImages(toWrite);
      for (const ref of toWrite.keys()) written.add(ref);
      return mapImages(messages, (a) => (a.data ? { ...withoutData(a), ref: refs.get(a.data) as string } : a));
    },
    async fill(messages) {
      const wanted = [...new Set(imagesIn(messages).flatMap((a) => (!a.data && a.ref ? [a.ref] : [])))];
      if (!wanted.length) return [...messages];
      const found = await io.readImages(wanted).catch(() => new Map<string, StoredImage>());
      return mapImages(messages, (a) => {
        const img = !a.data && a.ref ? found.get(a.ref) : undefined;
        if (!img || !a.ref) return a;
        remember(img.data, a.ref);
        return { ...a, data: img.data };
      });
    },
    fresh: () => written,
  };
}
