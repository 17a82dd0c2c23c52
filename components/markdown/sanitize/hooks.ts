/**
 * DOMPurify hooks for model output, on top of the allow lists: images lose their address before
 * anything else sees it, links must be absolute http(s)/mailto and open in a new tab without
 * opener or referrer, and `class` survives only as marked's `language-x` on <code>.
 */
import type DOMPurify from 'dompurify';
import { CODE_CLASS, isSafeImage, isSafeLink } from './policy';

type Purifier = ReturnType<typeof DOMPurify>;

/** The attribute our hook leaves on an <img> for the click-to-load placeholder. */
export const IMAGE_SRC_ATTR = 'data-md-src';

// nodeType, not instanceof: it holds whichever window created DOMPurify's working document.
const isElement = (node: Node): node is Element => node.nodeType === 1;

export function installHooks(p: Purifier): void {
  const imageSources = new WeakMap<Element, string>();
  p.addHook('uponSanitizeElement', (node, data) => {
    // `src` is not even on the allow list, so no later step can put a loading <img> in the panel.
    if (data.tagName !== 'img' || !isElement(node)) return;
    const src = node.getAttribute('src')?.trim();
    node.removeAttribute('src');
    node.removeAttribute('srcset');
    if (src && isSafeImage(src)) imageSources.set(node, src);
  });
  p.addHook('afterSanitizeAttributes', (node) => {
    if (!isElement(node)) return;
    const name = node.nodeName;
    if (name === 'A') {
      const href = node.getAttribute('href');
      if (href && isSafeLink(href)) {
        node.setAttribute('target', '_blank');
        node.setAttribute('rel', 'noopener noreferrer');
      } else {
        node.removeAttribute('href');
      }
    }
    const src = name === 'IMG' ? imageSources.get(node) : undefined;
    if (src) node.setAttribute(IMAGE_SRC_ATTR, src);
    const cls = node.getAttribute('class');
    if (cls !== null && !(name === 'CODE' && CODE_CLASS.test(cls))) node.removeAttribute('class');
  });
}
