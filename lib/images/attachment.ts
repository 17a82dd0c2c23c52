/** A downscaled image as the chip and the message keep it. */
import type { ImageAttachment } from '../attachments/types';
import type { Downscaled } from './protocol';

const px = (w: number, h: number) => `${w}×${h}`;

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
    ...(resized ? { note: `downscaled from ${px(d.originalWidth, d.originalHeight)}` } : {}),
    data: d.data,
  };
}
