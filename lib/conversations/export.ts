/**
 * Export formats. JSON is the lossless backup (the storage contract's array, importable by us and
 * shaped like the original app's dump); Markdown is for reading and sharing one conversation.
 */
import { type Conversation, type HistoryMessage, type MessageStatus, sortNewestFirst, UNTITLED } from './contract';
import { type InertMarkdown, inertMarkdown } from './inert-markdown';

/** The backup file: a pretty JSON array, newest first, every field (extras too) kept. */
export function toJsonExport(list: readonly Conversation[]): string {
  return `${JSON.stringify(sortNewestFirst(list), null, 2)}\n`;
}

/**
 * Backslash-escapes characters that would turn a title or model name into formatting; `<` and `&`
 * become entities, which read the same in every renderer (some do not honour `\<`).
 */
const escapeInline = (s: string): string =>
  s
    .replace(/[\\`*_[\]>]/g, '\\$&')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;');

/** Newlines in a title would end the heading early. */
const oneLine = (s: string): string => s.replace(/\s+/g, ' ').trim();

/** "2026-11-25": the UTC date part, as stored; an unparseable date is shown as is. */
function dateOf(iso: string): string {
  const t = Date.parse(iso);
  return Number.isNaN(t) ? iso : new Date(t).toISOString().slice(0, 10);
}

const ATTACHED = { selection: 'selection', page: 'page', pdf: 'PDF', image: 'image' } as const;

const STATUS_NOTE: Record<MessageStatus, string> = {
  interrupted: '_(Interrupted: this reply is incomplete.)_',
  stopped: '_(Stopped: the reply was stopped before it finished.)_',
};

/**
 * One message under its heading. Its text goes through inertMarkdown: raw HTML in it is shown,
 * never run, and a `</details>` in the thinking cannot end our <details> early. A code fence left
 * open (a reply cut off mid-stream) is closed, or every later message would render inside it.
 */
function messageBlock(doc: InertMarkdown, m: HistoryMessage): void {
  doc.trusted(m.role === 'user' ? '### You' : '### Assistant');
  // Thinking is kept but folded away: it is long and secondary to the answer.
  if (m.thinking?.trim()) {
    doc.trusted('\n<details>\n<summary>Thinking</summary>\n');
    doc.untrusted(m.thinking.trim());
    doc.closeFence();
    doc.trusted('\n</details>');
  }
  if (m.content !== '') {
    doc.trusted('');
    doc.untrusted(m.content);
    doc.closeFence();
  }
  // What was attached is named, not pasted: a page or a PDF can be megabytes (the JSON keeps it all).
  for (const a of m.attachments ?? []) {
    const name = escapeInline(oneLine(a.title) || ATTACHED[a.kind]);
    doc.trusted(`\n_Attached ${ATTACHED[a.kind]}: ${name}${a.url ? ` (${escapeInline(oneLine(a.url))})` : ''}_`);
  }
  if (m.status) doc.trusted(`\n${STATUS_NOTE[m.status]}`);
}

/** One conversation as Markdown: title, model and date, then each message under a heading. */
export function toMarkdown(conv: Conversation): string {
  const doc = inertMarkdown();
  doc.trusted(`# ${escapeInline(oneLine(conv.title) || UNTITLED)}\n\n_Model: ${escapeInline(conv.model)} · ${escapeInline(dateOf(conv.created_at))}_`);
  for (const m of conv.messages) {
    doc.trusted('');
    messageBlock(doc, m);
  }
  return `${doc.text()}\n`;
}

const SLUG_MAX = 60;

/** Letters and digits of any script, dash-separated; safe on every common filesystem. */
function slug(title: string): string {
  const words = title
    .normalize('NFC')
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}]+/gu, '-');
  return Array.from(words.replace(/^-+/, '')).slice(0, SLUG_MAX).join('').replace(/-+$/, '');
}

/** The user's local calendar date (the day they exported), "YYYY-MM-DD". */
function localDate(d: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/**
 * Download names: "ollama-chat-<date>.json" for the backup, "ollama-chat-<title-slug>.md" for one
 * conversation ("untitled" when the title has no letters or digits; the date without a conversation).
 */
export function exportFileName(kind: 'all' | 'one', conv?: Conversation, now: Date = new Date()): string {
  if (kind === 'all') return `ollama-chat-${localDate(now)}.json`;
  if (!conv) return `ollama-chat-${localDate(now)}.md`;
  return `ollama-chat-${slug(conv.title) || 'untitled'}.md`;
}
