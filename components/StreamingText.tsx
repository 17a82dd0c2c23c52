import { effect } from '@preact/signals';
import { useEffect, useRef } from 'preact/hooks';
import type { StreamText } from './state/stream-text';

/**
 * Plain text that grows: new pieces are appended as new text nodes (O(1) per chunk, never a
 * re-set of the whole string), and each blank-line-separated paragraph is its own <p>, so layout
 * work stays with the paragraph that is growing.
 */
export function StreamingText({ text }: { text: StreamText }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const root = ref.current;
    if (!root) return;
    root.replaceChildren();
    const source = text.reader();
    let para: HTMLParagraphElement | null = null;
    const newPara = () => {
      para = document.createElement('p');
      root.append(para);
      return para;
    };
    return effect(() => {
      if (!source.unread) return;
      const segments = source.take().join('').split('\n\n');
      segments.forEach((seg, i) => {
        const p = i === 0 && para ? para : newPara();
        if (seg) p.append(seg);
      });
    });
  }, [text]);
  return <div class="text" ref={ref} />;
}
