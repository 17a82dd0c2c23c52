import { MarkdownStreamView } from '../../../../components/markdown/stream-view';

/** The whole text rendered at once, as a stored reply is. */
export function renderOnce(text: string): HTMLElement {
  const root = document.createElement('div');
  new MarkdownStreamView(root).end(text);
  return root;
}

/** The text streamed in the given pieces, one frame per piece, then ended. */
export function renderStreamed(pieces: readonly string[]): HTMLElement {
  const root = document.createElement('div');
  const view = new MarkdownStreamView(root);
  for (const p of pieces) view.update(p);
  view.end();
  return root;
}

/** Deterministic PRNG so a failing chunking can be reproduced from its seed. */
export function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

export function randomChunks(text: string, seed: number, max = 12): string[] {
  const next = rng(seed);
  const out: string[] = [];
  for (let i = 0; i < text.length; ) {
    const n = 1 + Math.floor(next() * max);
    out.push(text.slice(i, i + n));
    i += n;
  }
  return out;
}

/** Word-like tokens (leading whitespace attached), as a model streams them. */
export const tokens = (text: string): string[] => text.match(/\s*\S+|\s+$/gu) ?? [];
