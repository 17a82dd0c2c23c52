/**
 * Checks a stored or imported value against the contract before anything trusts it. Errors are
 * written for the person who picked the file: which item, which field, what was found.
 * Unknown fields are kept, so data written by a newer version survives a round trip through us.
 */
import { t } from '../i18n';
import type { Conversation } from './contract';
import { withValidFields } from './version-fields';

export type ParseResult = { ok: true; conversations: Conversation[] } | { ok: false; error: string };

type Obj = Record<string, unknown>;

const isObject = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

// Each kind a whole noun phrase (article and all), since languages inflect them differently.
const KINDS: Record<string, () => string> = {
  object: () => t('validate_kind_object'),
  string: () => t('validate_kind_string'),
  number: () => t('validate_kind_number'),
  boolean: () => t('validate_kind_boolean'),
  bigint: () => t('validate_kind_bigint'),
  symbol: () => t('validate_kind_symbol'),
  function: () => t('validate_kind_function'),
  undefined: () => t('validate_kind_undefined'),
};

/** "an object", "a string", … for the top-level complaint. */
function kindOf(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return t('validate_kind_array');
  return KINDS[typeof v]?.() ?? typeof v;
}

/** At most n code points, with an ellipsis when cut (never half an emoji). */
function clip(s: string, n: number): string {
  const chars = Array.from(s);
  return chars.length > n ? `${chars.slice(0, n).join('')}…` : s;
}

/** The offending value itself when short and primitive, its kind otherwise. */
function shown(v: unknown): string {
  if (v === undefined) return t('validate_missing');
  if (typeof v === 'string') return JSON.stringify(clip(v, 40));
  if (typeof v === 'number' || typeof v === 'boolean' || v === null) return String(v);
  return kindOf(v);
}

const ROLES = ['user', 'assistant'];
const STATUSES = ['interrupted', 'stopped'];

function checkMessage(m: unknown, path: string): string | null {
  if (!isObject(m)) return t('validate_not_object', path, shown(m));
  if (typeof m.role !== 'string' || !ROLES.includes(m.role)) return t('validate_role', `${path}.role`, shown(m.role));
  for (const field of ['content', 'timestamp']) {
    if (typeof m[field] !== 'string') return t('validate_not_string', `${path}.${field}`, shown(m[field]));
  }
  if (m.status !== undefined && (typeof m.status !== 'string' || !STATUSES.includes(m.status))) {
    return t('validate_status', `${path}.status`, shown(m.status));
  }
  if (m.thinking !== undefined && typeof m.thinking !== 'string') return t('validate_optional_string', `${path}.thinking`, shown(m.thinking));
  return null;
}

function checkItem(item: Obj): string | null {
  if (typeof item.id !== 'string' || item.id === '') return t('validate_id', shown(item.id));
  for (const field of ['title', 'model']) {
    if (typeof item[field] !== 'string') return t('validate_not_string', field, shown(item[field]));
  }
  if (!Array.isArray(item.messages)) return t('validate_not_array', 'messages', shown(item.messages));
  for (const [i, m] of item.messages.entries()) {
    const problem = checkMessage(m, `messages[${i}]`);
    if (problem) return problem;
  }
  for (const field of ['created_at', 'updated_at']) {
    if (typeof item[field] !== 'string') return t('validate_not_string', field, shown(item[field]));
  }
  return null;
}

/** `Item 3 ("My title"): …`: numbered from 1 as a person counts entries, with the title when usable. */
function itemProblem(index: number, item: unknown, problem: string): string {
  const title = isObject(item) && typeof item.title === 'string' && item.title !== '' ? item.title : null;
  return title === null ? t('validate_item_problem', index + 1, problem) : t('validate_item_titled_problem', index + 1, clip(title, 40), problem);
}

/** One item checked: the conversation (a shallow copy, extra fields kept), or what is wrong. */
export type ItemResult = { ok: true; conversation: Conversation } | { ok: false; error: string };

/** How far ahead of this machine's clock an imported date may be (time zones, clock skew). */
export const FUTURE_SLACK_MS = 24 * 60 * 60 * 1000;

function futureProblem(item: Obj, now: number): string | null {
  for (const field of ['created_at', 'updated_at']) {
    if (Date.parse(item[field] as string) > now + FUTURE_SLACK_MS) {
      return t('validate_future', field, shown(item[field]));
    }
  }
  return null;
}

/** A connection id as Settings makes them: short, one word (it is only ever looked up, never shown). */
const isConnectionId = (s: string) => /^[\w-]{1,64}$/.test(s);

/**
 * Checks items one at a time, in order (an import arrives in batches), remembering ids so that a
 * second item with the same id is refused. `now` (imports only): dates more than a day ahead are
 * refused too; stored data is not held to it, since a wrong clock must not cost a saved chat.
 */
export function itemChecker(now?: number): (item: unknown, index: number) => ItemResult {
  const firstIndexOf = new Map<string, number>();
  return (item, i) => {
    const refuse = (problem: string): ItemResult => ({ ok: false, error: itemProblem(i, item, problem) });
    if (!isObject(item)) return refuse(t('validate_expected_object', shown(item)));
    const problem = checkItem(item) ?? (now === undefined ? null : futureProblem(item, now));
    if (problem) return refuse(problem);
    const id = item.id as string;
    const first = firstIndexOf.get(id);
    if (first !== undefined) return refuse(t('validate_duplicate_id', JSON.stringify(id), first + 1));
    firstIndexOf.set(id, i);
    // Shallow copies keep every extra field while letting the caller change the result freely;
    // stats and versions are only shown, so damaged ones are dropped rather than refused.
    const messages = (item.messages as Obj[]).map(withValidFields);
    // A system prompt or connection id that is not text is dropped, not refused: the chat is worth
    // more than it (a dropped connection means the default one).
    const { system, connection, ...rest } = item;
    const kept = {
      ...(typeof system === 'string' && system.trim() ? { system } : {}),
      ...(typeof connection === 'string' && isConnectionId(connection) ? { connection } : {}),
    };
    return { ok: true, conversation: { ...rest, ...kept, messages } as unknown as Conversation };
  };
}

/**
 * Validates a stored or imported value. undefined and null mean "nothing stored yet" (a fresh
 * install reads undefined from storage) and give an empty list rather than an error.
 */
export function parseConversations(value: unknown, now?: number): ParseResult {
  if (value === undefined || value === null) return { ok: true, conversations: [] };
  if (!Array.isArray(value)) {
    return { ok: false, error: t('validate_not_list', kindOf(value)) };
  }
  const check = itemChecker(now);
  const conversations: Conversation[] = [];
  for (const [i, item] of value.entries()) {
    const r = check(item, i);
    if (!r.ok) return r;
    conversations.push(r.conversation);
  }
  return { ok: true, conversations };
}

/**
 * Validates the text of an import file. A leading BOM (Windows editors) is ignored, and so is one
 * extra level of JSON string quoting, which is what copying the original's localStorage value
 * out of the developer tools can produce. A file holding just `null` is an error, not an empty list.
 */
export function parseConversationsJson(text: string): ParseResult {
  const body = text.replace(/^\uFEFF/, '');
  if (body.trim() === '') return { ok: false, error: t('validate_empty') };
  let value: unknown;
  try {
    value = JSON.parse(body);
    if (typeof value === 'string' && value.trim().startsWith('[')) value = JSON.parse(value);
  } catch (err) {
    return { ok: false, error: t('validate_bad_json', err instanceof Error ? err.message : String(err)) };
  }
  if (value === null) return { ok: false, error: t('validate_not_list', 'null') };
  return parseConversations(value);
}
