import { useState } from 'preact/hooks';
import { estimateTokens } from '../lib/attachments/tokens';
import type { Attachment } from '../lib/attachments/types';
import { t, tn } from '../lib/i18n';
import { ImageThumb } from './ImageThumb';
import type { AttachmentChip, AttachmentsModel } from './state/attachments';

const KIND_NAMES = {
  selection: 'attachment_chips_kind_selection',
  page: 'attachment_chips_kind_page',
  pdf: 'attachment_chips_kind_pdf',
  image: 'attachment_chips_kind_image',
} as const;

function hostOf(url: string | undefined): string {
  if (!url) return '';
  try {
    return new URL(url).host;
  } catch {
    return '';
  }
}

/**
 * What the chip says of its size: tokens for text (an estimate, and it says so), against the
 * context length it was fitted to when there is one; pixels for an image.
 */
export function sizeLabel(a: Attachment, context?: number | null): string {
  if (a.kind === 'image') return `${a.width}×${a.height}`;
  const tokens = estimateTokens(a.text);
  return context ? tn('attachment_chips_tokens_of', tokens, context) : tn('attachment_chips_tokens', tokens);
}

/** The exact text the model will read, rendered only once asked for: a page can be megabytes. */
function Preview({ text }: { text: string }) {
  const [open, setOpen] = useState(false);
  return (
    <details class="context-preview" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>{t('attachment_chips_preview')}</summary>
      {open && <pre class="context-preview-text">{text}</pre>}
    </details>
  );
}

/** One attachment as a chip; `onRemove` absent: shown on a sent message, read-only. */
export function AttachmentView({ attachment: a, onRemove, context }: { attachment: Attachment; onRemove?: () => void; context?: number | null }) {
  const kind = t(KIND_NAMES[a.kind]);
  const name = a.title || hostOf(a.url) || kind;
  return (
    <figure class={`context context-${a.kind}`}>
      {a.kind === 'selection' && <blockquote class="context-text">{a.text}</blockquote>}
      {a.kind === 'image' && <ImageThumb image={a} name={name} />}
      <figcaption class="context-source">
        <span class="context-kind">{kind}</span>
        <span title={a.url ?? name}>{name}</span>
        {a.url && a.kind !== 'selection' && <span class="context-host">{hostOf(a.url)}</span>}
        <span class="context-size">{sizeLabel(a, context)}</span>
        {a.note && <span class="context-note">{a.note}</span>}
        {a.kind !== 'image' && a.kind !== 'selection' && <Preview text={a.text} />}
        {onRemove && (
          <button type="button" class="link-button" aria-label={t('attachment_chips_remove_named', name)} onClick={onRemove}>
            {t('attachment_chips_remove')}
          </button>
        )}
      </figcaption>
    </figure>
  );
}

/** What waits to go with the next question; shown as text, never as HTML. */
export function AttachmentChips({ attachments }: { attachments: AttachmentsModel }) {
  const chips: readonly AttachmentChip[] = attachments.chips.value;
  if (!chips.length) return null;
  return (
    <section class="contexts" aria-label={t('attachment_chips_label')}>
      {chips.map((c) => (
        <AttachmentView key={c.key} attachment={c.attachment} context={attachments.context.value} onRemove={() => attachments.remove(c.key)} />
      ))}
    </section>
  );
}
