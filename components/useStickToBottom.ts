import type { RefObject } from 'preact';
import { useEffect, useRef } from 'preact/hooks';

// How close to the bottom still counts as "at the bottom" (a line of slack for rounding).
const SLACK_PX = 24;

/**
 * Keeps a scroll container pinned to its bottom while content grows, stops when the user scrolls
 * up, and resumes once they scroll back down. Growth is seen by a ResizeObserver on the content,
 * so it costs one check per frame at most, not one per token.
 */
export function useStickToBottom(scroller: RefObject<HTMLElement | null>, content: RefObject<HTMLElement | null>) {
  const stuck = useRef(true);
  useEffect(() => {
    const el = scroller.current;
    const inner = content.current;
    if (!el || !inner) return;
    const atBottom = () => el.scrollHeight - el.scrollTop - el.clientHeight <= SLACK_PX;
    const onScroll = () => {
      stuck.current = atBottom();
    };
    const follow = () => {
      // Writing scrollTop forces layout; skip it when already at the bottom.
      const bottom = el.scrollHeight - el.clientHeight;
      if (stuck.current && el.scrollTop < bottom) el.scrollTop = bottom;
    };
    el.addEventListener('scroll', onScroll, { passive: true });
    const ro = new ResizeObserver(follow);
    ro.observe(inner);
    return () => {
      el.removeEventListener('scroll', onScroll);
      ro.disconnect();
    };
  }, [scroller, content]);
  return stuck;
}
