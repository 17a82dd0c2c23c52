/**
 * Export formats. JSON is the lossless backup (the storage contract's array, importable by us and
 * shaped like the original app's dump); Markdown is for reading and sharing one conversation.
 */
import { type Conversation, type StoredMessage, sortNewestFirst, UNTITLED } from './contract';

/** The backup file: a pretty JSON array, newest first, every field (extras too) kept. */
export function toJsonExport(list: readonly Conversation[]): string {
  return `${JSON.stringify(sortNewestFirst(list), null, 2)}\n`;
}

/** Backslash-escapes characters that would turn a title or model name into formatting. */
const escapeInline = (s: string): string => s.replace(/[\\`*_[\]<>]/g, '\\$&');

/** Newlines in a title would end the heading early. */
const oneLine = (s: string): string => s.replace(/\s+/g, ' ').trim();

/** "2026-11-25": the UTC date part, as stored; an unparseable date is shown as is. */
function dateOf(iso: string): string {
  const t = Date.parse(iso);
  return Number.isNaN(t) ? iso : new Date(t).toISOString().slice(0, 10);
}

/**
 * Closes a code fence left open, typically by a reply cut off mid-stream; otherwise every later
 * message of the document would render inside that code block.
 */
function closeFences(md: string): string {
  let open: string | null = null;
  for (const line of md.split('\n')) {
    const fence = /^ {0,3}(`{3,}|~{3,})(.*)$/.exec(line);
    if (!fence) continue;
    const marker = fence[1] ?? '';
    if (open === null) open = marker;
    else if (marker[0] === open[0] && marker.length >= open.length && (fence[2] ?? '').trim() === '') open = null;
  }
  return open === null ? md : `${md}\n${open}`;
}

const STATUS_NOTE: Record<NonNullable<StoredMessage['status']>, string> = {
  interrupted: '_(Interrupted: this reply is incomplete.)_',
  stopped: '_(Stopped: the reply was stopped before it finished.)_',
};

function messageBlock(m: StoredMessage): string {
  const parts = [m.role === 'user' ? '### You' : '### Assistant'];
  // Thinking is kept but folded away: it is long and secondary to the answer.
  if (m.thinking?.trim()) {
    parts.push(`<details>\n<summary>Thinking</summary>\n\n${closeFences(m.thinking.trim())}\n\n</details>`);
  }
  if (m.content !== '') parts.push(closeFences(m.content));
  if (m.status) parts.push(STATUS_NOTE[m.status]);
  return parts.join('\n\n');
}

/** One conversation as Markdown: title, model and date, then each message under a heading. */
export function toMarkdown(conv: Conversation): string {
  const title = escapeInline(oneLine(conv.title) || UNTITLED);
  const header = `# ${title}\n\n_Model: ${escapeInline(conv.model)} · ${dateOf(conv.created_at)}_\n\n`;
  return `${header}${conv.messages.map(messageBlock).join('\n\n')}\n`;
}

const SLUG_MAX = 60;

/** Letters and digits of any script, dash-separated; safe on every common filesystem. */
function slug(title: string): string {
  const words = title.normalize('NFC').toLowerCase().replace(/[^\p{L}\p{M}\p{N}]+/gu, '-');
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
