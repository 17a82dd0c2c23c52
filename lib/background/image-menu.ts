/**
 * "Ask Ollama about this image": the background fetches the clicked image as anyone outside the
 * page would (no cookies, and cross-site only where the site allows it or the user granted host
 * access), downscales it (lib/images/resize.ts) and hands it to the panel; or says why not.
 */
import type { ImageAttachment } from '../attachments/types';
import { MAX_INPUT_BYTES } from '../images/fit';
import type { Downscaled } from '../images/protocol';
import { resizeImage } from '../images/resize';
import { handoffId, type ImageHandoff } from '../selection/handoff';
import { toImageAttachment } from '../images/attachment';

export interface ImageMenuDeps {
  fetch(url: string, init: RequestInit): Promise<Response>;
  resize(blob: Blob): Promise<Downscaled>;
}

const DEFAULT_DEPS: ImageMenuDeps = { fetch: (url, init) => fetch(url, init), resize: resizeImage };
const MB = 1024 * 1024;
// The hand-over queue lives in session storage area (10 MB in Chrome): a transparent image kept as PNG
// can come close, so anything bigger is refused rather than failing the queue.
const MAX_HANDOFF_CHARS = 4 * MB;
const INSTEAD = 'Save the image and use "Attach image", or take a Screenshot.';

class Refused extends Error {}

function titleOf(url: URL): string {
  if (url.protocol === 'data:') return 'Image';
  const last = decodeURIComponent(url.pathname.split('/').pop() ?? '');
  return last || url.hostname;
}

async function fetchImage(url: URL, deps: ImageMenuDeps): Promise<Blob> {
  if (url.protocol !== 'http:' && url.protocol !== 'https:' && url.protocol !== 'data:') {
    throw new Refused(`This image's address (${url.protocol}) belongs to the page and cannot be fetched by the extension. ${INSTEAD}`);
  }
  let res: Response;
  try {
    res = await deps.fetch(url.href, { credentials: 'omit', referrerPolicy: 'no-referrer' });
  } catch {
    throw new Refused(`${url.hostname} does not let extensions read this image (or it could not be reached). ${INSTEAD}`);
  }
  if (!res.ok) throw new Refused(`The image could not be fetched: ${url.hostname} answered ${res.status}. ${INSTEAD}`);
  const type = (res.headers.get('content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (!type.startsWith('image/') || type === 'image/svg+xml') throw new Refused(`This is not a picture a model can read (${type || 'no type'}). ${INSTEAD}`);
  const length = Number(res.headers.get('content-length'));
  if (length > MAX_INPUT_BYTES) throw new Refused(`This image is too big to fetch (${Math.round(length / MB)} MB; up to ${MAX_INPUT_BYTES / MB} MB).`);
  const blob = await res.blob();
  if (blob.size > MAX_INPUT_BYTES) throw new Refused(`This image is too big to fetch (${Math.round(blob.size / MB)} MB; up to ${MAX_INPUT_BYTES / MB} MB).`);
  return blob;
}

/** The hand-over for a click on an image whose address is `srcUrl`. */
export async function imageHandoff(srcUrl: string | undefined, deps: ImageMenuDeps = DEFAULT_DEPS): Promise<ImageHandoff> {
  const base = { id: handoffId(), createdAt: Date.now(), kind: 'image' as const };
  let url: URL;
  try {
    url = new URL(srcUrl ?? '');
  } catch {
    return { ...base, problem: `The browser did not say which image was clicked. ${INSTEAD}` };
  }
  try {
    const image: ImageAttachment = toImageAttachment(
      await deps.resize(await fetchImage(url, deps)),
      titleOf(url),
      url.protocol === 'data:' ? undefined : url.href,
    );
    if ((image.data?.length ?? 0) > MAX_HANDOFF_CHARS) throw new Refused(`This image is still too big after downscaling to hand over. ${INSTEAD}`);
    return { ...base, image };
  } catch (e) {
    return { ...base, problem: e instanceof Refused ? e.message : `The image could not be used: ${e instanceof Error ? e.message : String(e)}` };
  }
}
