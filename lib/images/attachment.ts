/** A downscaled image as the chip and the message keep it. */
import type { ImageAttachment } from '../attachments/types';
import { t } from '../i18n';
import type { Downscaled } from './protocol';

/** `note` says when it was made smaller, and from what: the model sees less than the original. */
export function toImageAttachment(d: Downscaled, title: string, url?: string): ImageAttachment {
  const resized = d.width !== d.originalWidth || d.height !== d.originalHeight;
  return {
    kind: 'image',
    title,
    ...(url ? { url } : {}),
    mime: d.mime,
    width: d.width,
    height: d.height,
    // Pixel sizes as digits only, as the chip shows the new size beside it.
    ...(resized ? { note: t('images_downscaled_from', String(d.originalWidth), String(d.originalHeight)) } : {}),
    data: d.data,
  };
}
