/**
 * An export is self-contained: each stored image's bytes go back into its attachment (`data`,
 * beside its `ref`), so the file imports anywhere; the import stores them again. An image whose
 * bytes are gone is exported as it is (the import keeps the message and drops that attachment).
 */
import { readImages, type StoredImage } from '../storage/images';
import { refsInRaw } from './refs';

function withData(v: unknown, found: ReadonlyMap<string, StoredImage>): unknown {
  if (Array.isArray(v)) return v.map((x) => withData(x, found));
  if (typeof v !== 'object' || v === null) return v;
  const o = v as Record<string, unknown>;
  if (o.kind === 'image') {
    const img = typeof o.ref === 'string' && typeof o.data !== 'string' ? found.get(o.ref) : undefined;
    return img ? { ...o, data: img.data } : o;
  }
  return Object.fromEntries(Object.entries(o).map(([k, x]) => [k, typeof x === 'object' ? withData(x, found) : x]));
}

/** `list` (conversations, stored or parsed) with their images' bytes; unchanged when none has an image. */
export async function embedStoredImages<T>(list: readonly T[], read: typeof readImages = readImages): Promise<T[]> {
  const refs = [...refsInRaw(list)];
  if (!refs.length) return [...list];
  const found = await read(refs);
  return list.map((c) => withData(c, found) as T);
}
