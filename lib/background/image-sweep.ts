/**
 * Images no conversation uses any more (deleted, or an import undone) are removed in two steps:
 * a sweep marks them, a sweep a day later removes those still unused. A deleted conversation's
 * undo (history/restore) therefore still finds its images, and so does a question whose image
 * was stored a moment before its conversation. At most one sweep a day, at background start.
 */
import { refsInRaw } from '../images/refs';
import type { StoredImage } from '../storage/images';

export const SWEEP_EVERY_MS = 24 * 60 * 60 * 1000;

export interface SweepIO {
  readSweepTime(): Promise<number>;
  writeSweepTime(at: number): Promise<void>;
  listImages(): Promise<Map<string, StoredImage>>;
  readAllConversations(): Promise<unknown[]>;
  writeImages(images: ReadonlyMap<string, StoredImage>): Promise<void>;
  removeImages(refs: readonly string[]): Promise<void>;
}

/** Returns how many images it removed. `fresh`: refs stored since start, never taken. */
export async function sweepImages(io: SweepIO, fresh: ReadonlySet<string>, now: number): Promise<number> {
  if (now - (await io.readSweepTime()) < SWEEP_EVERY_MS) return 0;
  await io.writeSweepTime(now);
  const images = await io.listImages();
  if (!images.size) return 0;
  const used = refsInRaw(await io.readAllConversations());
  const marks = new Map<string, StoredImage>();
  const gone: string[] = [];
  for (const [ref, img] of images) {
    const unused = !used.has(ref) && !fresh.has(ref);
    if (unused && img.orphanSince !== undefined && now - img.orphanSince >= SWEEP_EVERY_MS) gone.push(ref);
    else if (unused && img.orphanSince === undefined) marks.set(ref, { ...img, orphanSince: now });
    else if (!unused && img.orphanSince !== undefined) marks.set(ref, { mime: img.mime, data: img.data });
  }
  await io.writeImages(marks);
  await io.removeImages(gone);
  return gone.length;
}
