import { truncationNote } from '../lib/selection/prompt';
import type { Inbox } from './state/inbox';

/** Quoted selections waiting for the user's question; shown as text, never as HTML. */
export function ContextCard({ inbox }: { inbox: Inbox }) {
  const contexts = inbox.contexts.value;
  if (!contexts.length) return null;
  return (
    <section class="contexts" aria-label="Selected text">
      {contexts.map((c, i) => {
        const note = truncationNote(c);
        return (
          <figure class="context" key={i}>
            <blockquote class="context-text">{c.text}</blockquote>
            <figcaption class="context-source">
              {c.pageTitle || c.pageUrl ? <span title={c.pageUrl}>{c.pageTitle || c.pageUrl}</span> : 'Selection'}
              {note && <span class="context-note">{note}</span>}
              <button type="button" class="link-button" aria-label="Remove selected text" onClick={() => inbox.removeContext(i)}>
                Remove
              </button>
            </figcaption>
          </figure>
        );
      })}
    </section>
  );
}
