import { useEffect, useState } from 'preact/hooks';
import type { ImageAttachment } from '../lib/attachments/types';
import { t } from '../lib/i18n';
import { readImage } from '../lib/storage/images';

/**
 * An image attachment's thumbnail: from its bytes while it travels, from the image store
 * (lib/storage/images.ts) once its conversation is reopened and the message holds only a `ref`.
 */
export function ImageThumb({ image, name }: { image: ImageAttachment; name: string }) {
  const [stored, setStored] = useState<string | null | undefined>(undefined);
  const ref = image.data ? undefined : image.ref;
  useEffect(() => {
    if (!ref) return;
    let live = true;
    readImage(ref)
      .then((img) => live && setStored(img ? `data:${img.mime};base64,${img.data}` : null))
      .catch(() => live && setStored(null));
    return () => {
      live = false;
    };
  }, [ref]);
  const src = image.data ? `data:${image.mime};base64,${image.data}` : stored;
  if (src === null) return <span class="context-note">{t('image_thumb_gone')}</span>;
  return src ? <img class="context-thumb" src={src} alt={name} /> : null;
}
