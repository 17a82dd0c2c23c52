/**
 * A translated sentence with an element inside it (a link, a button, <code>): the element's
 * place comes from the translation, since word order differs between languages, so the
 * sentence is never glued together from fragments.
 */
import { type ComponentChildren, Fragment } from 'preact';

/** Passed to t() for each placeholder that an element fills. */
export const SLOT = '\uE000';

/** `text` (made with SLOT for the placeholders) with `parts` in the slots, in order. */
export function SlottedText({ text, parts }: { text: string; parts: ComponentChildren[] }) {
  const pieces = text.split(SLOT);
  return (
    <>
      {/* The pieces of a given text never move, so their place is their key. */}
      {pieces.map((piece, i) => (
        <Fragment key={i}>
          {piece}
          {i < pieces.length - 1 && parts[i]}
        </Fragment>
      ))}
    </>
  );
}
