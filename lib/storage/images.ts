/**
 * Image bytes, stored once per content under `ollama_chat_image:<sha256>` in storage.local
 * (unlimitedStorage is granted), apart from the conversations: the background re-saves a
 * conversation on every checkpoint while a reply streams, and megabytes of base64 inline would be
 * rewritten each time. A message keeps only the key's hash (`ref`). Written only by the background;
 * the panel reads them for thumbnails and exports.
 */
import { browser } from 'wxt/browser';

export const IMAGE_PREFIX = 'ollama_chat_image:';
/** When the last sweep for images no conversation uses ran (lib/background/image-sweep.ts). */
export const IMAGE_SWEEP_KEY = 'ollama_chat_image_sweep';

export interface StoredImage {
  mime: string;
  data: string;
  /** Set by a sweep that found no conversation using it; it is removed by a later sweep. */
  orphanSince?: number;
}

const local = () => browser.storage.local;
const keyOf = (ref: string) => `${IMAGE_PREFIX}${ref}`;

const isStored = (v: unknown): v is StoredImage =>
  typeof v === 'object' && v !== null && typeof (v as StoredImage).data === 'string' && typeof (v as StoredImage).mime === 'string';

export async function readImage(ref: string): Promise<StoredImage | null> {
  const v = (await local().get(keyOf(ref)))[keyOf(ref)];
  return isStored(v) ? v : null;
}

/** The stored images of `refs` that exist, by ref. */
export async function readImages(refs: readonly string[]): Promise<Map<string, StoredImage>> {
  if (!refs.length) return new Map();
  const got = await local().get(refs.map(keyOf));
  return new Map(refs.flatMap((r) => (isStored(got[keyOf(r)]) ? [[r, got[keyOf(r)] as StoredImage]] : [])));
}

export async function writeImages(images: ReadonlyMap<string, StoredImage>): Promise<void> {
  if (images.size) await local().set(Object.fromEntries([...images].map(([ref, img]) => [keyOf(ref), img])));
}

export async function removeImages(refs: readonly string[]): Promise<void> {
  if (refs.length) await local().remove(refs.map(keyOf));
}

/** Every stored image's ref with its orphan mark (the bytes are read too: storage.local has no key listing in Firefox ESR). */
export async function listImages(): Promise<Map<string, StoredImage>> {
  const all = await local().get(null);
  return new Map(Object.entries(all).flatMap(([k, v]) => (k.startsWith(IMAGE_PREFIX) && isStored(v) ? [[k.slice(IMAGE_PREFIX.length), v]] : [])));
}

export async function readSweepTime(): Promise<number> {
  const v = (await local().get(IMAGE_SWEEP_KEY))[IMAGE_SWEEP_KEY];
  return typeof v === 'number' ? v : 0;
}

export async function writeSweepTime(at: number): Promise<void> {
  await local().set({ [IMAGE_SWEEP_KEY]: at });
}
