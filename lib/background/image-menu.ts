/**
 * "Ask Ollama about this image": the background fetches the clicked image as anyone outside the
 * page would (no cookies, and cross-site only where the site allows it or the user granted host
 * access), downscales it (lib/images/resize.ts) and hands it to the panel; or says why not.
 */
import type { ImageAttachment } from '../attachments/types';
import { t } from '../i18n';
import { MAX_INPUT_BYTES } from '../images/fit';
import type { Downscaled } from '../images/protocol';
import { ResizeError, resizeImage } from '../images/resize';
import { resizeProblemText } from '../images/resize-problems';
import { megabytes } from '../megabytes';
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
/** Each refusal is its own sentence, then this one on what to do instead. */
const instead = (why: string) => `${why} ${t('image_menu_instead')}`;

class Refused extends Error {}

const tooBig = (bytes: number) => new Refused(t('image_menu_too_big', megabytes(bytes / MB), megabytes(MAX_INPUT_BYTES / MB)));

function titleOf(url: URL): string {
  if (url.protocol === 'data:') return t('image_menu_untitled');
  const last = decodeURIComponent(url.pathname.split('/').pop() ?? '');
  return last || url.hostname;
}

async function fetchImage(url: URL, deps: ImageMenuDeps): Promise<Blob> {
  if (url.protocol !== 'http:' && url.protocol !== 'https:' && url.protocol !== 'data:') {
    throw new Refused(instead(t('image_menu_page_address', url.protocol)));
  }
  let res: Response;
  try {
    res = await deps.fetch(url.href, { credentials: 'omit', referrerPolicy: 'no-referrer' });
  } catch {
    throw new Refused(instead(t('image_menu_unreachable', url.hostname)));
  }
  if (!res.ok) throw new Refused(instead(t('image_menu_status', url.hostname, String(res.status))));
  const type = (res.headers.get('content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (!type.startsWith('image/') || type === 'image/svg+xml') throw new Refused(instead(type ? t('image_menu_not_picture', type) : t('image_menu_no_type')));
  const length = Number(res.headers.get('content-length'));
  if (length > MAX_INPUT_BYTES) throw tooBig(length);
  const blob = await res.blob();
  if (blob.size > MAX_INPUT_BYTES) throw tooBig(blob.size);
  return blob;
}

/** The hand-over for a click on an image whose address is `srcUrl`. */
export async function imageHandoff(srcUrl: string | undefined, deps: ImageMenuDeps = DEFAULT_DEPS): Promise<ImageHandoff> {
  const base = { id: handoffId(), createdAt: Date.now(), kind: 'image' as const };
  let url: URL;
  try {
    url = new URL(srcUrl ?? '');
  } catch {
    return { ...base, problem: instead(t('image_menu_no_address')) };
  }
  try {
    const image: ImageAttachment = toImageAttachment(
      await deps.resize(await fetchImage(url, deps)),
      titleOf(url),
      url.protocol === 'data:' ? undefined : url.href,
    );
    if ((image.data?.length ?? 0) > MAX_HANDOFF_CHARS) throw new Refused(instead(t('image_menu_too_big_downscaled')));
    return { ...base, image };
  } catch (e) {
    if (e instanceof Refused) return { ...base, problem: e.message };
    const why = e instanceof ResizeError ? resizeProblemText(e.problem) : e instanceof Error ? e.message : String(e);
    return { ...base, problem: t('image_menu_unusable', why) };
  }
}
