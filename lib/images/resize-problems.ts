/**
 * What a failed resize tells the user. Kept apart from resize.ts: that one also runs in the
 * panel's image worker, where no extension API (so no browser.i18n) exists; the worker sends the
 * problem and the panel or the background words it.
 */
import { t } from '../i18n';

export type ResizeProblem = { code: 'unreadable' } | { code: 'too-large'; width: number; height: number } | { code: 'no-canvas' };

export function resizeProblemText(p: ResizeProblem): string {
  // Pixel sizes stay digits only, as the English text always wrote them.
  if (p.code === 'too-large') return t('images_too_many_pixels', String(p.width), String(p.height));
  return p.code === 'unreadable' ? t('images_unreadable') : t('images_no_canvas');
}
