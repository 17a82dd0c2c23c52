/** Copy with visible feedback on the button that asked; its accessible name stays the same. */
import { t } from '../../lib/i18n';

export const COPIED_MS = 1500;

const resetTimers = new WeakMap<HTMLElement, ReturnType<typeof setTimeout>>();

export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

/** Shows "Copied" (or "Copy failed") on `button` for a moment. */
export async function copyWithFeedback(button: HTMLElement, text: string): Promise<void> {
  const ok = await copyText(text);
  const idle = button.dataset.idleText ?? button.textContent ?? t('clipboard_copy');
  button.dataset.idleText = idle;
  button.textContent = ok ? t('clipboard_copied') : t('clipboard_copy_failed');
  const previous = resetTimers.get(button);
  if (previous !== undefined) clearTimeout(previous);
  const timer = setTimeout(() => {
    button.textContent = idle;
    resetTimers.delete(button);
  }, COPIED_MS);
  resetTimers.set(button, timer);
}
