/**
 * A translated sentence with elements inside it (a link, a button, <code>): each element's
 * place comes from the translation, since word order differs between languages (a language may
 * even swap two of them), so the sentence is never glued together from fragments.
 */
import { type ComponentChildren, Fragment } from 'preact';

/** Passed to t() for the placeholder that `parts[i]` fills (private-use characters, never in a text). */
export const slot = (i: number) => String.fromCharCode(0xe000 + i);
/** The first slot, for a sentence with one element. */
export const SLOT = slot(0);

/** `text` (made with slot(i) for its placeholders) with `parts[i]` where slot(i) is. */
export function SlottedText({ text, parts }: { text: string; parts: ComponentChildren[] }) {
  // The pieces of a given text never move, so their place is their key.
  return (
    <>
      {text
        .split(/([\uE000-\uE0FF])/)
        .map((piece, i) => (/^[\uE000-\uE0FF]$/.test(piece) ? <Fragment key={i}>{parts[piece.charCodeAt(0) - 0xe000]}</Fragment> : piece))}
    </>
  );
}
