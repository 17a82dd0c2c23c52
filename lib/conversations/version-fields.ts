/**
 * Sanitizes the optional version fields of a stored or imported message (`versions`, `version`):
 * they are additions to the seed contract, so a damaged one is dropped, never a reason to refuse
 * the conversation. The visible path (the message itself) is checked by validate.ts and kept.
 */
import { readStats } from '../chat/stats';
import { readAttachments } from '../attachments/sanitize';
import type { HistoryMessage, MessageVersion } from './contract';

type Obj = Record<string, unknown>;

const isObject = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const STATUSES = ['interrupted', 'stopped'];
// Versions nest (an edited question's branch holds replies with versions of their own); a hostile
// file must not make reading it recurse without end.
const MAX_DEPTH = 32;

/** A message's optional display fields, each kept only when well formed. */
function cleanFields(m: Obj, depth: number): Obj {
  const { stats, versions, version, status, thinking, attachments, ...rest } = m;
  const out: Obj = { ...rest };
  const kept = readAttachments(attachments);
  if (kept) out.attachments = kept;
  if (typeof status === 'string' && STATUSES.includes(status)) out.status = status;
  if (typeof thinking === 'string') out.thinking = thinking;
  const validStats = stats === undefined ? null : readStats(stats);
  if (validStats) out.stats = validStats;
  const list = Array.isArray(versions) && depth < MAX_DEPTH ? versions.map((v) => cleanVersion(v, depth + 1)).filter((v) => v !== null) : [];
  if (list.length) {
    out.versions = list;
    if (typeof version === 'number' && Number.isInteger(version) && version >= 0 && version < list.length) out.version = version;
  }
  return out;
}

function isMessageLike(m: unknown): m is Obj {
  return isObject(m) && (m.role === 'user' || m.role === 'assistant') && typeof m.content === 'string' && typeof m.timestamp === 'string';
}

function cleanVersion(v: unknown, depth: number): MessageVersion | null {
  if (!isObject(v) || typeof v.content !== 'string' || typeof v.timestamp !== 'string') return null;
  const { rest, role: _role, ...fields } = v;
  const out = cleanFields(fields, depth);
  // A branch with a damaged message is cut there: what came before it in the branch still reads.
  const kept: Obj[] = [];
  for (const m of Array.isArray(rest) ? rest : []) {
    if (!isMessageLike(m)) break;
    kept.push(cleanFields(m, depth + 1));
  }
  return (kept.length ? { ...out, rest: kept } : out) as unknown as MessageVersion;
}

/**
 * A copy of a checked message (role, content and timestamp are valid) whose optional fields are
 * well formed or gone. Status and thinking were checked by the caller for the visible path.
 */
export function withValidFields(m: Obj): HistoryMessage {
  return cleanFields(m, 0) as unknown as HistoryMessage;
}
