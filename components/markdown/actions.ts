/**
 * Clicks inside rendered markdown, handled once on the container: the blocks' DOM is replaced
 * as they stream, so per-button listeners would have to be re-attached every frame.
 */
import { isSafeImage } from './sanitize/policy';
import { IMAGE_SRC_ATTR } from './sanitize/sanitize';
import { copyWithFeedback } from './clipboard';
import { COPY_CODE_CLASS, LOAD_IMAGE_CLASS } from './decorate/decorate';

/** The placeholder becomes the image only now, at the user's request, without a Referer. */
export function loadImage(placeholder: HTMLElement): HTMLImageElement | null {
  const src = placeholder.getAttribute(IMAGE_SRC_ATTR);
  if (!src || !isSafeImage(src)) return null;
  const img = placeholder.ownerDocument.createElement('img');
  img.referrerPolicy = 'no-referrer';
  img.setAttribute('referrerpolicy', 'no-referrer');
  img.alt = placeholder.title;
  img.className = 'md-img';
  img.src = src;
  placeholder.replaceWith(img);
  return img;
}

export function onMarkdownClick(event: MouseEvent): void {
  const root = event.currentTarget;
  const target = event.target;
  if (!(root instanceof Element) || !(target instanceof Element)) return;
  const button = target.closest('button');
  if (!button || !root.contains(button)) return;
  if (button.classList.contains(COPY_CODE_CLASS)) {
    const code = button.closest('.md-code')?.querySelector('code');
    void copyWithFeedback(button, code?.textContent ?? '');
  } else if (button.classList.contains(LOAD_IMAGE_CLASS)) {
    event.preventDefault(); // it may sit inside a link
    loadImage(button);
  }
}
